package io.citykpi.system;

import io.citykpi.testkit.KafkaAccess;
import io.citykpi.testkit.KafkaBroker;
import io.citykpi.testkit.Keycloak;
import io.citykpi.testkit.Ports;
import io.citykpi.testkit.Postgres;
import io.citykpi.testkit.Secrets;
import io.citykpi.testkit.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole platform as separate processes, secured as in production: PostgreSQL where each service
 * logs in with its own role, a Kafka broker where each service has its own SCRAM principal and ACLs,
 * the real Keycloak that issues every token, and the packaged services with health and metrics on
 * their management ports.
 */
final class Platform implements AutoCloseable {

    /**
     * A service is ready in about 10 s on an idle machine; the limit is a safety net for a CI machine
     * shared with other builds (at load 30 on 2 cores one took over 90 s), not a performance check.
     */
    static final Duration START = Duration.ofSeconds(300);
    /** One Keycloak for every test class of this JVM; it starts while the first platform's stores do. */
    private static final CompletableFuture<Keycloak> KEYCLOAK = CompletableFuture.supplyAsync(() -> {
        Keycloak keycloak = Keycloak.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
        return keycloak;
    });

    final Path root;
    final Postgres postgres;
    final KafkaBroker kafka;
    final Keycloak keycloak;
    /** Each service's Kafka password (principal citykpi-<service>). */
    final Map<String, String> kafkaPasswords;
    final ServiceProcess projects;
    final ServiceProcess investment;
    final ServiceProcess livelihood;
    final ServiceProcess safety;
    final ServiceProcess gateway;

    private Platform(Path root, Postgres postgres, KafkaBroker kafka, Keycloak keycloak, Map<String, String> kafkaPasswords,
                     ServiceProcess projects, ServiceProcess investment, ServiceProcess livelihood, ServiceProcess safety,
                     ServiceProcess gateway) {
        this.root = root;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.kafkaPasswords = kafkaPasswords;
        this.projects = projects;
        this.investment = investment;
        this.livelihood = livelihood;
        this.safety = safety;
        this.gateway = gateway;
    }

    static Platform start() {
        return start(Map.of());
    }

    /** {@code environment} is added to every service's, e.g. to switch on JSON logs. */
    static Platform start(Map<String, String> environment) {
        Path root = Path.of(System.getProperty("citykpi.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-test/target/system-logs");
        deleteOldLogs(logs);
        Postgres postgres = Postgres.startTemporary();
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.startSecured(Files.createTempDirectory("citykpi-system-kafka-"), Ports.free(), Ports.free(),
                    Secrets.generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> kafkaPasswords = new LinkedHashMap<>();
        KafkaAccess.services().forEach(service -> kafkaPasswords.put(service, Secrets.generate()));
        KafkaAccess.grant(kafka, kafkaPasswords);
        Keycloak keycloak = KEYCLOAK.join();
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        for (String name : List.of("projects", "investment", "livelihood", "safety-inspection", "gateway")) {
            Map<String, String> serviceEnvironment = new HashMap<>(environment);
            if (name.equals("gateway")) {
                // Explanations link to the records, and /api/v1/records reads them, at the services' real ports.
                services.forEach((source, process) -> serviceEnvironment.put(
                        "CITYKPI_KPI_SOURCE_URLS_" + source.replace('-', '_').toUpperCase(java.util.Locale.ROOT),
                        process.baseUrl()));
            }
            services.put(name, service(root, logs, name, postgres, kafka, kafkaPasswords.get(name), keycloak, serviceEnvironment));
        }
        // A domain service waits only for its database, the broker and the realm, so the four start at once
        // (on threads of their own: the common pool has one thread on two cores); the gateway, which reads
        // the topics they provision, after them.
        List<ServiceProcess> domain = services.values().stream().filter(s -> s != services.get("gateway")).toList();
        ExecutorService starting = Executors.newFixedThreadPool(domain.size());
        try {
            CompletableFuture.allOf(domain.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.start(START), starting))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            starting.shutdown();
        }
        services.get("gateway").start(START);
        return new Platform(root, postgres, kafka, keycloak, kafkaPasswords, services.get("projects"),
                services.get("investment"), services.get("livelihood"), services.get("safety-inspection"),
                services.get("gateway"));
    }

    private static ServiceProcess service(Path root, Path logs, String name, Postgres postgres, KafkaBroker kafka,
                                          String kafkaPassword, Keycloak keycloak, Map<String, String> extra) {
        Postgres.Login database = postgres.createServiceDatabase(name.replace('-', '_'), Secrets.generate());
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        environment.put("CITYKPI_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("CITYKPI_KAFKA_SASL_USERNAME", KafkaAccess.principal(name));
        environment.put("CITYKPI_KAFKA_SASL_PASSWORD", kafkaPassword);
        // short, so that an outage of a few seconds already exercises the retry path
        environment.put("CITYKPI_KAFKA_REQUEST_TIMEOUT", "2s");
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        return new ServiceProcess(name, root.resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar"),
                Ports.free(), Ports.free(), environment, logs.resolve(name + ".log"));
    }

    List<ServiceProcess> services() {
        return List.of(gateway, projects, investment, livelihood, safety);
    }

    /** A request as a development user of the realm (admin, leader, clerk-220402, ...), with a real token. */
    RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(keycloak.userToken(username));
    }

    /** A write of a district's facts, as that district's clerk. */
    RequestSpecification asClerkOf(String orgUnit) {
        return as("clerk-" + orgUnit);
    }

    /** Each run's logs alone, so a failure's log is not buried under earlier runs. */
    private static void deleteOldLogs(Path logs) {
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // first run
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        safety.close();
        livelihood.close();
        investment.close();
        projects.close();
        kafka.close();
        postgres.close();
    }
}
