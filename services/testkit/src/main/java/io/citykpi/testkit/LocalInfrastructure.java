package io.citykpi.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What `make run` starts before the services: PostgreSQL with one database per service and a Kafka
 * broker, both keeping their data under the given directory across restarts. Writes
 * {@code <dir>/infra.ready} once both accept connections and stops both on SIGTERM.
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

        Postgres postgres = Postgres.start(dir.resolve("postgres"), pgPort);
        databases.forEach(postgres::createDatabase);
        System.out.printf("PostgreSQL ready on 127.0.0.1:%d, databases %s%n", pgPort, databases);
        KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort);
        System.out.printf("Kafka ready on %s (data in %s)%n", kafka.bootstrapServers(), kafka.dataDir());

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
