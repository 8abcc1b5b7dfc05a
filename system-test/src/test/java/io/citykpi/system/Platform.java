package io.citykpi.system;

import io.citykpi.testkit.KafkaBroker;
import io.citykpi.testkit.Ports;
import io.citykpi.testkit.Postgres;
import io.citykpi.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The whole platform as separate processes: PostgreSQL, a Kafka broker, and the packaged services. */
final class Platform implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    final Path root;
    final Postgres postgres;
    final KafkaBroker kafka;
    final ServiceProcess projects;
    final ServiceProcess investment;
    final ServiceProcess livelihood;
    final ServiceProcess safety;
    final ServiceProcess gateway;

    private Platform(Path root, Postgres postgres, KafkaBroker kafka, ServiceProcess projects, ServiceProcess investment,
                     ServiceProcess livelihood, ServiceProcess safety, ServiceProcess gateway) {
        this.root = root;
        this.postgres = postgres;
        this.kafka = kafka;
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
            kafka = KafkaBroker.start(Files.createTempDirectory("citykpi-system-kafka-"), Ports.free(), Ports.free());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess projects = service(root, logs, "projects", postgres, kafka, environment).start(START);
        ServiceProcess investment = service(root, logs, "investment", postgres, kafka, environment).start(START);
        ServiceProcess livelihood = service(root, logs, "livelihood", postgres, kafka, environment).start(START);
        ServiceProcess safety = service(root, logs, "safety-inspection", postgres, kafka, environment).start(START);
        ServiceProcess gateway = service(root, logs, "gateway", postgres, kafka, environment).start(START);
        return new Platform(root, postgres, kafka, projects, investment, livelihood, safety, gateway);
    }

    private static ServiceProcess service(Path root, Path logs, String name, Postgres postgres, KafkaBroker kafka,
                                          Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.putAll(Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase(name.replace('-', '_')),
                        "QUARKUS_DATASOURCE_USERNAME", Postgres.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", "",
                        "CITYKPI_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        // short, so that an outage of a few seconds already exercises the retry path
                        "CITYKPI_KAFKA_REQUEST_TIMEOUT", "2s"));
        return new ServiceProcess(name, root.resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar"),
                Ports.free(), environment, logs.resolve(name + ".log"));
    }

    List<ServiceProcess> services() {
        return List.of(gateway, projects, investment, livelihood, safety);
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
