package io.citykpi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A real Apache Kafka 4 broker (KRaft, combined broker and controller) in its own JVM, started from
 * the jars whose classpath services/kafka-broker writes. Data lives in {@code dataDir}: stop and
 * start again keeps every topic and record, which the outage tests rely on.
 *
 * <p>Plain (PLAINTEXT, anyone may do anything: the @QuarkusTests) or secured: clients authenticate
 * with SASL/SCRAM-SHA-512 and the standard authorizer lets a principal do only what an ACL allows
 * ({@link KafkaAccess}); {@value #ADMIN} is the super user. SASL_PLAINTEXT is enough on loopback.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The super user of a secured broker; the broker itself talks to itself as this principal. */
    public static final String ADMIN = "admin";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final String READY_LINE = "Kafka Server started";
    private static final String CLASSPATH_RELATIVE = "services/kafka-broker/target/kafka-broker.classpath";
    private static final String SECURED_MARKER = "secured";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    /** null: PLAINTEXT without authentication. */
    private final String adminPassword;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, String adminPassword) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.adminPassword = adminPassword;
    }

    /** A PLAINTEXT broker. Formats {@code dataDir} on first use, then starts and waits for the ready line. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, null);
    }

    /**
     * A broker that authenticates every client (SASL/SCRAM) and authorizes it by ACLs. The admin's
     * SCRAM credential is written when {@code dataDir} is formatted, so it must stay the same across
     * restarts of the same data; other principals are added with {@link KafkaAccess}.
     */
    public static KafkaBroker startSecured(Path dataDir, int port, int controllerPort, String adminPassword) {
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalArgumentException("a secured broker needs an admin password");
        }
        return start(dataDir, port, controllerPort, adminPassword);
    }

    private static KafkaBroker start(Path dataDir, int port, int controllerPort, String adminPassword) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("the broker and its controller need two ports, got " + port + " twice");
        }
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, adminPassword);
        broker.start();
        return broker;
    }

    /** A throw-away secured broker on free loopback ports, with a random admin password. */
    public static KafkaBroker startTemporarySecured() {
        try {
            return startSecured(Files.createTempDirectory("citykpi-kafka-"), Ports.free(), Ports.free(), Secrets.generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public boolean secured() {
        return adminPassword != null;
    }

    /** Client properties of the super user (or of anyone, on a plain broker): for tests and set-up. */
    public Map<String, Object> adminClientProperties() {
        return secured() ? clientProperties(ADMIN, adminPassword) : Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers());
    }

    /** Client properties that log in as {@code principal}, as a service configured with its credentials would. */
    public Map<String, Object> clientProperties(String principal, String password) {
        if (!secured()) {
            throw new IllegalStateException("a plain broker knows no principals");
        }
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, scramLogin(principal, password));
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
                List<String> format = new ArrayList<>(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
                if (secured()) {
                    // SCRAM credentials live in the metadata log: the admin's must be there before the first start.
                    format.addAll(List.of("--add-scram", SCRAM_MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
                }
                run(format, "format storage");
            } else if (secured() && !Files.exists(dataDir.resolve(SECURED_MARKER))) {
                throw new IllegalStateException("the Kafka data in " + dataDir + " was made by a broker without "
                        + "authentication and has no admin credential: start from empty data (make demo, or make clean)");
            }
            if (secured()) {
                Files.writeString(dataDir.resolve(SECURED_MARKER), "SASL/SCRAM with ACLs since the first start\n");
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
        List<String> listeners = secured() ? securedListeners() : List.of(
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                String.join("\n", listeners),
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
        Secrets.writePrivate(file, properties);
        return file;
    }

    /**
     * Clients: SASL/SCRAM on SASL_PLAINTEXT, credentials in the metadata log. The controller listener
     * cannot use SCRAM (its credentials are needed before the metadata log is read), so the broker
     * and controller halves authenticate each other with PLAIN and a password of this start only.
     */
    private List<String> securedListeners() {
        String controllerPassword = Secrets.generate();
        return List.of(
                "listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + SCRAM_MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + SCRAM_MECHANISM,
                "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + SCRAM_MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=" + scramLogin(ADMIN, adminPassword),
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"controller\" password=\"" + controllerPassword + "\" user_controller=\""
                        + controllerPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN + ";User:controller",
                "allow.everyone.if.no.acl.found=false");
    }

    static String scramLogin(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
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
            Processes.sleep(100);
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

}
