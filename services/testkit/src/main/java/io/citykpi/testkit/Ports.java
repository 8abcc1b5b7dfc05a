package io.citykpi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free loopback ports for brokers, databases and services started by tests.
 *
 * <p>The kernel may hand the same ephemeral port to two probes in a row once the first socket is
 * closed, and a broker given one port for two listeners refuses to start. So a port handed out is
 * never handed out again by this JVM.
 */
public final class Ports {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int ATTEMPTS = 100;

    private Ports() {
    }

    public static synchronized int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no unused loopback port after " + ATTEMPTS + " attempts");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
