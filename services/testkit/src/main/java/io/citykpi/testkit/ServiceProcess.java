package io.citykpi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged CityKPI service (target/quarkus-app/quarkus-run.jar) running as its own process: its API
 * on {@code port}, health and metrics on Quarkus' management interface on {@code managementPort}, as
 * in a cluster where the Ingress publishes only the API.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> environment, Path log) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the service first (mvn package)");
        }
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Health ({@code /q/health/*}) and metrics ({@code /q/metrics}): never published by the Ingress. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the process and waits until /q/health/ready on the management port answers 200. */
    public ServiceProcess start(Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(KafkaBroker.java(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        awaitReady(timeout);
        return this;
    }

    private void awaitReady(Duration timeout) {
        Processes.awaitHttpOk(process, name, URI.create(managementUrl() + "/q/health/ready"), timeout, log);
    }

    /** SIGTERM, as Kubernetes stops a pod: the service finishes what it is doing. */
    public void stop() {
        if (process == null) {
            return;
        }
        Processes.terminate(process, Duration.ofSeconds(30));
        process = null;
    }

    /** SIGKILL: the process dies wherever it is, as in a node failure or an OOM kill. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    public String tail() {
        return Processes.tail(log, 40);
    }
}
