package io.citykpi.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What `make run` starts before the services: PostgreSQL with one database and login role per service,
 * and a Kafka broker that authenticates every service (SASL/SCRAM) and lets it do only what its ACLs
 * allow ({@link KafkaAccess}); both keep their data under the given directory across restarts. Every
 * password is generated once into {@code <dir>/secrets} (database {@code postgres-<db>}, Kafka
 * {@code kafka-<service>}, and each one's administrator). Writes {@code <dir>/infra.ready} once both
 * accept connections and stops both on SIGTERM.
 *
 * <p>Usage: {@code LocalInfrastructure <dir> <pgPort> <kafkaPort> <controllerPort> <db,db,...>}
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: LocalInfrastructure <dir> <pgPort> <kafkaPort> <controllerPort> <databases>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int pgPort = Integer.parseInt(args[1]);
        int kafkaPort = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);
        List<String> databases = Arrays.stream(args[4].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Path ready = dir.resolve("infra.ready");
        Files.deleteIfExists(ready);
        Path secrets = dir.resolve("secrets");

        Postgres postgres = Postgres.start(dir.resolve("postgres"), pgPort, Secrets.stored(secrets, "postgres-superuser"));
        databases.forEach(db -> postgres.createServiceDatabase(db, Secrets.stored(secrets, "postgres-" + db)));
        System.out.printf("PostgreSQL ready on 127.0.0.1:%d, databases %s, each owned by the role of its name%n",
                pgPort, databases);
        KafkaBroker kafka = KafkaBroker.startSecured(dir.resolve("kafka"), kafkaPort, controllerPort,
                Secrets.stored(secrets, "kafka-admin"));
        Map<String, String> kafkaPasswords = new LinkedHashMap<>();
        KafkaAccess.services().forEach(service -> kafkaPasswords.put(service, Secrets.stored(secrets, "kafka-" + service)));
        KafkaAccess.grant(kafka, kafkaPasswords);
        System.out.printf("Kafka ready on %s (SASL/SCRAM-SHA-512, principals %s; data in %s)%n", kafka.bootstrapServers(),
                KafkaAccess.services().stream().map(KafkaAccess::principal).toList(), kafka.dataDir());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Kafka and PostgreSQL");
            kafka.stop();
            postgres.close();
            stopped.countDown();
        }, "local-infrastructure-stop"));
        Files.writeString(ready, "postgres=127.0.0.1:" + pgPort + "\nkafka=" + kafka.bootstrapServers() + "\n",
                StandardCharsets.UTF_8);
        stopped.await();
    }
}
