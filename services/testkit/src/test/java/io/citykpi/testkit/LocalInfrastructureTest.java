package io.citykpi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure every other test stands on: a real broker that survives a restart and, secured,
 * keeps each service to its own topics; a real database that only lets each service into its own.
 */
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
    void postgresGivesEachServiceARoleThatReachesOnlyItsOwnDatabase() throws Exception {
        try (Postgres postgres = Postgres.startTemporary()) {
            Postgres.Login projects = postgres.createServiceDatabase("projects", "projects-secret");
            assertEquals(projects, postgres.createServiceDatabase("projects", "projects-secret"), "creating twice is harmless");
            postgres.createServiceDatabase("investment", "investment-secret");
            try (Connection connection = DriverManager.getConnection(projects.jdbcUrl(), "projects", "projects-secret");
                 ResultSet rs = connection.createStatement().executeQuery("show server_version")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("17."), "PostgreSQL 17, was " + rs.getString(1));
                connection.createStatement().execute("create table owned_here (id int)");
            }
            assertEquals("28P01", refused(projects.jdbcUrl(), "projects", "wrong"), "password authentication failed");
            assertEquals("28P01", refused(projects.jdbcUrl(), Postgres.SUPERUSER, "guessed"), "the superuser needs its password too");
            assertEquals("42501", refused(postgres.jdbcUrl("investment"), "projects", "projects-secret"),
                    "no CONNECT on another service's database");
            assertEquals("42501", refused(postgres.jdbcUrl("postgres"), "projects", "projects-secret"));
            try (Connection connection = postgres.superuser("projects");
                 ResultSet rs = connection.createStatement().executeQuery(
                         "select rolsuper, pg_catalog.pg_get_userbyid(d.datdba) from pg_roles, pg_database d"
                                 + " where rolname = 'projects' and d.datname = 'projects'")) {
                rs.next();
                assertFalse(rs.getBoolean(1), "a service's role is no superuser");
                assertEquals("projects", rs.getString(2), "and owns its database");
            }
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsIsTakenOverByTheServiceRoles() throws Exception {
        Path dir = Files.createTempDirectory("citykpi-pg-legacy-");
        int port = Ports.free();
        try {
            try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(false).start();
                 Connection connection = legacy.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database gateway");
                try (Connection gateway = legacy.getDatabase("postgres", "gateway").getConnection()) {
                    gateway.createStatement().execute("create table fact (id bigserial primary key, v text)");
                    gateway.createStatement().execute("insert into fact (v) values ('kept')");
                }
            }
            try (Postgres postgres = Postgres.start(dir, port, "new-superuser-secret")) {
                Postgres.Login login = postgres.createServiceDatabase("gateway", "gateway-secret");
                try (Connection connection = DriverManager.getConnection(login.jdbcUrl(), "gateway", "gateway-secret")) {
                    connection.createStatement().execute("insert into fact (v) values ('new')");
                    ResultSet rs = connection.createStatement().executeQuery("select string_agg(v, ',' order by id) from fact");
                    rs.next();
                    assertEquals("kept,new", rs.getString(1));
                }
                assertEquals("28P01", refused(postgres.jdbcUrl("postgres"), Postgres.SUPERUSER, "guessed"), "no more trust");
            }
        } finally {
            Files2.deleteRecursively(dir);
        }
    }

    @Test
    void aSecuredBrokerLetsEachServiceDoOnlyWhatItsAclsAllow() throws Exception {
        try (KafkaBroker broker = KafkaBroker.startTemporarySecured()) {
            Map<String, String> passwords = new java.util.LinkedHashMap<>();
            KafkaAccess.services().forEach(service -> passwords.put(service, service + "-secret"));
            KafkaAccess.grant(broker, passwords);
            KafkaAccess.grant(broker, passwords); // idempotent, as every `make run` does it again
            try (Admin admin = Admin.create(broker.adminClientProperties())) {
                admin.createTopics(List.of(new NewTopic("citykpi.projects.v1", 1, (short) 1),
                        new NewTopic("citykpi.investment.v1", 1, (short) 1))).all().get();
            }
            Map<String, Object> projects = broker.clientProperties("citykpi-projects", "projects-secret");
            send(projects, "citykpi.projects.v1");
            ExecutionException refused = assertThrows(ExecutionException.class, () -> send(projects, "citykpi.investment.v1"));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.toString());

            Map<String, Object> gateway = broker.clientProperties("citykpi-gateway", "gateway-secret");
            assertEquals(1, TopicReader.read(gateway, "citykpi.projects.v1", r -> true, 1, Duration.ofSeconds(20)).size(),
                    "the gateway reads the domain topics");
            refused = assertThrows(ExecutionException.class, () -> send(gateway, "citykpi.projects.v1"));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), "but never writes them");

            Map<String, Object> impostor = broker.clientProperties("citykpi-projects", "guessed");
            refused = assertThrows(ExecutionException.class, () -> send(impostor, "citykpi.projects.v1"));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());
            refused = assertThrows(ExecutionException.class, () -> send(
                    Map.of("bootstrap.servers", broker.bootstrapServers()), "citykpi.projects.v1"));
        }
    }

    private static void send(Map<String, Object> client, String topic) throws ExecutionException, InterruptedException {
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put("max.block.ms", 10_000);
        props.put("delivery.timeout.ms", 10_000);
        props.put("request.timeout.ms", 5_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v".getBytes(StandardCharsets.UTF_8))).get();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ExecutionException(e);
        }
    }

    /** The SQLSTATE of a refused login. */
    private static String refused(String url, String user, String password) {
        SQLException failure = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, password).close());
        return failure.getSQLState();
    }
}
