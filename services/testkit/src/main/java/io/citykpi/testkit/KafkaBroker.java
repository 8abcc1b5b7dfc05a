package io.citykpi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka 4 broker (KRaft, combined broker and controller) in its own JVM, started from
 * the jars whose classpath services/kafka-broker writes. Data lives in {@code dataDir}: stop and
 * start again keeps every topic and record, which the outage tests rely on.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";
    private static final String CLASSPATH_RELATIVE = "services/kafka-broker/target/kafka-broker.classpath";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code dataDir} on first use, then starts and waits for the ready line. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("the broker and its controller need two ports, got " + port + " twice");
        }
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort);
        broker.start();
        return broker;
    }

    /** A throw-away broker on free loopback ports, for one test run. */
    public static KafkaBroker startTemporary() {
        try {
            return start(Files.createTempDirectory("citykpi-kafka-"), Ports.free(), Ports.free());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path properties = writeProperties();
            Path classpathFile = classpathFile();
            String classpath = Files.readString(classpathFile).trim();
            Path log4j = classpathFile.resolveSibling("kafka-log4j2.yaml");
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                run(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), "format storage");
            }
            Path log = dataDir.resolve("broker.log");
            Files.deleteIfExists(log);
            process = new ProcessBuilder(java(), "-Xmx512m", "-Xss1m", "-XX:+UseSerialGC", "-cp", classpath,
                    "-Dlog4j2.configurationFile=" + log4j, "kafka.Kafka", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitReady(log, Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka broker in " + dataDir, e);
        }
    }

    /** SIGTERM and wait: a clean shutdown, like an operator stopping the broker. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Processes.terminate(process, Duration.ofSeconds(30));
        process = null;
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        stop();
        Files2.deleteRecursively(dataDir);
    }

    private Path writeProperties() throws IOException {
        Path file = dataDir.resolve("server.properties");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    private void awaitReady(Path log, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n" + Processes.tail(log, 30));
            }
            sleep(100);
        }
        stop();
        throw new IllegalStateException("Kafka broker not ready after " + timeout + ":\n" + Processes.tail(log, 30));
    }

    private static void run(List<String> command, String what) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("Kafka " + what + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during Kafka " + what, e);
        }
    }

    /**
     * The broker's classpath file: system property {@code testkit.kafka.classpath.file}, environment
     * {@code TESTKIT_KAFKA_CLASSPATH_FILE}, or found upwards from the working directory.
     */
    static Path classpathFile() {
        String configured = System.getProperty("testkit.kafka.classpath.file",
                System.getenv("TESTKIT_KAFKA_CLASSPATH_FILE"));
        Path file = configured != null ? Path.of(configured) : Files2.findUpwards(CLASSPATH_RELATIVE);
        if (file == null || !Files.exists(file)) {
            throw new IllegalStateException("Kafka broker classpath not found (" + configured
                    + "): build services/kafka-broker first (mvn -pl services/kafka-broker generate-resources)");
        }
        return file;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
