package io.citykpi.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The Keycloak that `make run` starts beside PostgreSQL and Kafka: realm {@code citykpi} from the
 * repository, its data under {@code <dir>/keycloak} across restarts, client secrets and the admin
 * console's password generated once into {@code <dir>/secrets}. Writes {@code <dir>/keycloak.ready} once
 * tokens can be had and stops Keycloak on SIGTERM.
 *
 * <p>Usage: {@code LocalKeycloak <dir> <port> <managementPort> <realm.json>}
 */
public final class LocalKeycloak {

    private LocalKeycloak() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LocalKeycloak <dir> <port> <managementPort> <realm.json>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int managementPort = Integer.parseInt(args[2]);
        Path realm = Path.of(args[3]).toAbsolutePath();
        Path ready = dir.resolve("keycloak.ready");
        Files.deleteIfExists(ready);
        Path secrets = dir.resolve("secrets");
        Map<String, String> clientSecrets = new LinkedHashMap<>();
        Keycloak.CLIENT_SECRET_VARIABLES.keySet().forEach(client -> clientSecrets.put(client, Secrets.stored(secrets, client)));

        long started = System.nanoTime();
        Keycloak keycloak = Keycloak.start(dir.resolve("keycloak"), port, managementPort, realm, clientSecrets,
                Secrets.stored(secrets, "keycloak-admin"), dir.resolve("logs/keycloak.log"));
        System.out.printf("Keycloak ready in %d s: issuer %s%n", (System.nanoTime() - started) / 1_000_000_000L,
                keycloak.issuer());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Keycloak");
            keycloak.stop();
            stopped.countDown();
        }, "local-keycloak-stop"));
        Files.writeString(ready, "issuer=" + keycloak.issuer() + "\n", StandardCharsets.UTF_8);
        stopped.await();
    }
}
