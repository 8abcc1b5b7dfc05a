package io.citykpi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The infrastructure every other test stands on: a real broker that survives a restart, a real database. */
class LocalInfrastructureTest {

    @Test
    void brokerKeepsRecordsAcrossRestart() throws Exception {
        Path dir = Files.createTempDirectory("citykpi-kafka-test-");
        try (KafkaBroker broker = KafkaBroker.start(dir, Ports.free(), Ports.free())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "v".getBytes(StandardCharsets.UTF_8))).get();
            }
            broker.stop();
            broker.start();
            List<ConsumerRecord<String, byte[]>> records =
                    TopicReader.read(broker.bootstrapServers(), "t", r -> true, 1, Duration.ofSeconds(20));
            assertEquals(1, records.size());
            assertEquals("v", new String(records.get(0).value(), StandardCharsets.UTF_8));
        }
        assertTrue(Files.notExists(dir), "close() deletes the broker's data");
    }

    @Test
    void postgresServesOneDatabasePerService() throws Exception {
        try (Postgres postgres = Postgres.startTemporary()) {
            String url = postgres.createDatabase("projects");
            assertEquals(url, postgres.createDatabase("projects"), "creating twice is harmless");
            try (Connection connection = DriverManager.getConnection(url, Postgres.USER, "");
                 ResultSet rs = connection.createStatement().executeQuery("show server_version")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("17."), "PostgreSQL 17, was " + rs.getString(1));
            }
        }
    }
}
