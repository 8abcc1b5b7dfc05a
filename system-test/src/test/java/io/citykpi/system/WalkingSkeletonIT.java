package io.citykpi.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.KafkaAccess;
import io.citykpi.testkit.Postgres;
import io.citykpi.testkit.ServiceProcess;
import io.citykpi.testkit.TopicReader;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The thin slice through the whole system, with the packaged services as processes: a project
 * registered over HTTP reaches the gateway's KPI only through Kafka, survives a broker outage
 * without loss or doubling, a gateway killed mid-stream recovers to the exact count, and a database
 * outage is a 503 with Retry-After everywhere, writes nothing and heals without a restart. Every call
 * carries a token of the real Keycloak; Kafka's ACLs keep each service to its own topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final String PROJECTS_TOPIC = "citykpi.projects.v1";
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aRegisteredProjectIsCountedForItsDistrictAndTheCity() {
        int city = kpi("220400");
        int longshan = kpi("220402");
        Instant posted = Instant.now();
        String id = register("220402");

        platform.as("admin").baseUri(platform.projects.baseUrl()).when().get("/api/v1/projects/" + id)
                .then().statusCode(200).body("project.orgUnit", equalTo("220402"));
        assertEquals(city + 1, awaitKpi("220400", city + 1));
        System.out.printf("registration visible in the gateway KPI after %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        assertEquals(longshan + 1, kpi("220402"));
    }

    @Test
    @Order(2)
    void whatSubscribersSeeIsACloudEventMatchingTheContract() {
        String id = register("220421");
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(platform.kafka.adminClientProperties(),
                PROJECTS_TOPIC, r -> id.equals(r.key()), 1, DELIVERY);
        assertEquals(1, records.size());
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertEquals("citykpi.projects.project-registered.v1", header(record, "ce_type"));
        assertEquals("220421", header(record, "ce_orgunit"));
        assertEquals(List.of(), AsyncApiContract.load().violations(record));
    }

    @Test
    @Order(3)
    void aDealItsFundsAndAFaiReportReachTheInvestmentTopic() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String id = platform.as("admin").baseUri(platform.investment.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"name":"系统测试签约项目","investor":"测试投资有限公司","investorOrigin":"浙江省","orgUnit":"220471",
                         "sector":"EQUIPMENT","signedOn":"%s","contractAmount":20000.00}""".formatted(today))
                .when().post("/api/v1/deals")
                .then().statusCode(201).extract().path("id");
        platform.as("admin").baseUri(platform.investment.baseUrl()).contentType(ContentType.JSON)
                .body("{\"arrivedOn\":\"" + today + "\",\"amount\":25000,\"source\":\"DOMESTIC\"}")
                .when().post("/api/v1/deals/" + id + "/arrivals")
                .then().statusCode(409);
        platform.as("admin").baseUri(platform.investment.baseUrl()).contentType(ContentType.JSON)
                .body("{\"arrivedOn\":\"" + today + "\",\"amount\":5000,\"source\":\"DOMESTIC\"}")
                .when().post("/api/v1/deals/" + id + "/arrivals")
                .then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(platform.kafka.adminClientProperties(),
                "citykpi.investment.v1", r -> id.equals(r.key()), 2, DELIVERY);
        assertEquals(List.of("citykpi.investment.deal-signed.v1", "citykpi.investment.funds-arrived.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList(), "the refused arrival published nothing");
        AsyncApiContract contract = AsyncApiContract.load();
        records.forEach(r -> assertEquals(List.of(), contract.violations(r)));
    }

    @Test
    @Order(4)
    void aHazardFoundInAnInspectionIsRectifiedAndClosedOnTheTopic() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String hazard = platform.as("admin").baseUri(platform.safety.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"orgUnit":"220421","domain":"GAS","placeType":"SCHOOL","placeName":"东丰县第二实验小学",
                         "inspectedOn":"%s","team":"县应急管理局","withExperts":true,
                         "hazards":[{"severity":"MAJOR","description":"燃气管道漏气","deadline":"%s"}]}"""
                        .formatted(today, today))
                .when().post("/api/v1/inspections")
                .then().statusCode(201).extract().path("hazards[0].id");
        platform.as("admin").baseUri(platform.safety.baseUrl()).contentType(ContentType.JSON)
                .body("{\"verifiedOn\":\"" + today + "\",\"passed\":true}")
                .when().post("/api/v1/hazards/" + hazard + "/verification")
                .then().statusCode(409);
        platform.as("admin").baseUri(platform.safety.baseUrl()).contentType(ContentType.JSON)
                .body("{\"rectifiedOn\":\"" + today + "\",\"measures\":\"更换阀门\"}")
                .when().post("/api/v1/hazards/" + hazard + "/rectification")
                .then().statusCode(200);
        platform.as("admin").baseUri(platform.safety.baseUrl()).contentType(ContentType.JSON)
                .body("{\"verifiedOn\":\"" + today + "\",\"passed\":true}")
                .when().post("/api/v1/hazards/" + hazard + "/verification")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(platform.kafka.adminClientProperties(),
                "citykpi.safety-inspection.v1", r -> hazard.equals(r.key()), 3, DELIVERY);
        assertEquals(List.of("citykpi.safety-inspection.hazard-found.v1", "citykpi.safety-inspection.hazard-rectified.v1",
                        "citykpi.safety-inspection.hazard-verified.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList());
    }

    @Test
    @Order(5)
    void aHotlineCaseGetsItsDueTimeFromTheCalendarAndReachesTheTopic() {
        String number = "SYS-" + System.nanoTime();
        platform.as("admin").baseUri(platform.livelihood.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"caseNumber":"%s","orgUnit":"220402","type":"ENQUIRY","receivedAt":"2025-10-09T10:00:00+08:00"}"""
                        .formatted(number))
                .when().post("/api/v1/hotline-cases")
                .then().statusCode(201)
                .body("dueAt", equalTo("2025-10-13T23:59:59+08:00"));
        platform.as("admin").baseUri(platform.livelihood.baseUrl()).contentType(ContentType.JSON)
                .body("{\"acceptedAt\":\"2025-10-10T09:00:00+08:00\"}")
                .when().post("/api/v1/hotline-cases/" + number + "/acceptance")
                .then().statusCode(200).body("acceptedOnTime", equalTo(true));
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(platform.kafka.adminClientProperties(),
                "citykpi.livelihood.v1", r -> number.equals(r.key()), 2, DELIVERY);
        assertEquals(List.of("citykpi.livelihood.hotline-case-received.v1", "citykpi.livelihood.hotline-case-accepted.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList());
    }

    @Test
    @Order(6)
    void aProjectMovesToUnderConstructionAndACancelledOneLeavesTheCount() {
        String id = register("220402");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        for (String stage : List.of("RESERVE", "PREPARATION", "UNDER_CONSTRUCTION")) {
            platform.as("admin").baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON)
                    .body("{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + today + "\"}")
                    .when().post("/api/v1/projects/" + id + "/stage-transitions")
                    .then().statusCode(200).body("stage", equalTo(stage));
        }
        platform.as("admin").baseUri(platform.projects.baseUrl()).when().get("/api/v1/projects/" + id)
                .then().statusCode(200)
                .body("project.stage", equalTo("UNDER_CONSTRUCTION"))
                .body("stageHistory.size()", equalTo(4));

        int before = awaitStableKpi("220400");
        platform.as("admin").baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON)
                .body("{\"stage\":\"CANCELLED\",\"effectiveDate\":\"" + today + "\"}")
                .when().post("/api/v1/projects/" + register("220402") + "/stage-transitions")
                .then().statusCode(200);
        assertEquals(before, awaitStableKpi("220400"), "registered, then cancelled today: not counted");
    }

    @Test
    @Order(7)
    void writesGoOnWhileKafkaIsDownAndTheirEventsArriveExactlyOnceWhenItReturns() {
        int before = awaitStableKpi("220400");
        platform.kafka.stop();
        for (int i = 0; i < 3; i++) {
            register("220403");
        }
        assertEquals("DEGRADED", awaitOutboxState("DEGRADED"), "the projects service reports the outage");
        given().baseUri(platform.projects.managementUrl()).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'kafka-outbox' }.data.pendingEvents", equalTo(3));
        assertEquals(before, kpi("220400"), "nothing can arrive while the broker is down");

        platform.kafka.start();
        assertEquals(before + 3, awaitKpi("220400", before + 3));
        assertEquals(before + 3, awaitStableKpi("220400"), "exactly 3 more, none doubled");
        assertEquals("OK", awaitOutboxState("OK"));
    }

    @Test
    @Order(8)
    void aGatewayKilledMidStreamRecoversToTheExactCount() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> stream = writer.submit(() -> {
            int written = 0;
            for (int i = 0; i < 60; i++) {
                register(i % 2 == 0 ? "220422" : "220471");
                written++;
                Thread.sleep(25);
            }
            return written;
        });
        Thread.sleep(500);
        platform.gateway.kill();
        Thread.sleep(500);
        platform.gateway.start(Platform.START);
        assertEquals(60, stream.get());
        writer.shutdown();

        int rows = keyProjectRows();
        assertEquals(rows, awaitKpi("220400", rows), "the city count equals the projects database");
        assertEquals(rows, awaitStableKpi("220400"));
    }

    @Test
    @Order(9)
    void aServiceMayWriteOnlyItsOwnTopic() {
        Map<String, Object> projects = platform.kafka.clientProperties(KafkaAccess.principal("projects"),
                platform.kafkaPasswords.get("projects"));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(projects, "citykpi.investment.v1"));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), "projects writing investment's topic");
        Map<String, Object> gateway = platform.kafka.clientProperties(KafkaAccess.principal("gateway"),
                platform.kafkaPasswords.get("gateway"));
        refused = assertThrows(ExecutionException.class, () -> send(gateway, PROJECTS_TOPIC));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), "the gateway only reads the domain topics");
    }

    @Test
    @Order(10)
    void theRealmsTokensDecideWhoMayWriteAndTheEventNamesTheWriter() {
        String body = """
                {"code":"SYS-AUTH-%d","name":"系统测试项目","orgUnit":"220402","sector":"EQUIPMENT",
                 "constructionType":"NEW","totalInvestment":900.00}""";
        given().baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON).body(body.formatted(1))
                .when().post("/api/v1/projects").then().statusCode(401);
        platform.as("leader").baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON).body(body.formatted(2))
                .when().post("/api/v1/projects").then().statusCode(403);
        platform.asClerkOf("220403").baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON).body(body.formatted(3))
                .when().post("/api/v1/projects").then().statusCode(403);
        String id = platform.asClerkOf("220402").baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON)
                .body(body.formatted(4))
                .when().post("/api/v1/projects").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(platform.kafka.adminClientProperties(),
                PROJECTS_TOPIC, r -> id.equals(r.key()), 1, DELIVERY);
        assertEquals(1, records.size());
        assertEquals("clerk-220402", header(records.get(0), "ce_actor"), "the user name from the Keycloak token");
    }

    @Test
    @Order(11)
    void healthAndMetricsAnswerOnTheManagementPortOnly() {
        for (ServiceProcess service : platform.services()) {
            given().baseUri(service.managementUrl()).when().get("/q/health/ready").then().statusCode(200);
            given().baseUri(service.managementUrl()).when().get("/q/metrics")
                    .then().statusCode(200).body(containsString("citykpi_outbox_pending_events"));
            given().baseUri(service.baseUrl()).when().get("/q/metrics").then().statusCode(404);
        }
    }

    /** One record with a producer of these client properties; the send's failure as the cause. */
    private static void send(Map<String, Object> client, String topic) throws ExecutionException, InterruptedException {
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "intruder", "{}".getBytes(StandardCharsets.UTF_8))).get();
        } catch (KafkaException e) {
            throw new ExecutionException(e);
        }
    }

    @Test
    @Order(12)
    void aDatabaseOutageIs503WithRetryAfterEverywhereLeavesNothingHalfWrittenAndHealsWithoutARestart()
            throws SQLException {
        int rows = keyProjectRows();
        List<Long> pids = platform.services().stream().map(ServiceProcess::pid).toList();
        platform.postgres.stop();
        try {
            assertUnavailable(post(platform.projects, "/api/v1/projects", """
                    {"code":"SYS-OUTAGE-1","name":"停库期间登记","orgUnit":"220402","sector":"EQUIPMENT",
                     "constructionType":"NEW","totalInvestment":1500.00}"""));
            assertUnavailable(platform.as("leader").baseUri(platform.projects.baseUrl()).when().get("/api/v1/projects").andReturn());
            assertUnavailable(post(platform.investment, "/api/v1/deals", """
                    {"name":"停库期间签约","investor":"测试投资有限公司","investorOrigin":"广东省","orgUnit":"220402",
                     "sector":"NEW_MATERIALS","signedOn":"2025-03-18","contractAmount":1000.00}"""));
            assertUnavailable(post(platform.livelihood, "/api/v1/hotline-cases", """
                    {"caseNumber":"SYS-OUTAGE-1","orgUnit":"220403","type":"COMPLAINT",
                     "receivedAt":"2025-05-06T09:00:00+08:00"}"""));
            assertUnavailable(post(platform.safety, "/api/v1/inspections", """
                    {"orgUnit":"220421","domain":"GAS","placeType":"SCHOOL","placeName":"东丰县第二实验小学",
                     "inspectedOn":"2025-04-10","team":"检查组","withExperts":true,"hazards":[]}"""));
            assertUnavailable(platform.as("admin").baseUri(platform.gateway.baseUrl()).contentType(ContentType.JSON)
                    .body("{\"value\":10}")
                    .when().put("/api/v1/targets/" + YEAR + "/projects.registered/220402").andReturn());
            int kpis = platform.as("leader").baseUri(platform.gateway.baseUrl()).queryParam("year", YEAR)
                    .when().get("/api/v1/kpis").statusCode();
            assertTrue(kpis == 200 || kpis == 503, "KPI queries answer from memory or 503, never " + kpis);
            for (ServiceProcess service : platform.services()) {
                given().baseUri(service.managementUrl()).when().get("/q/health/ready")
                        .then().statusCode(503)
                        .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'database' }.data.message",
                                org.hamcrest.Matchers.containsString("PostgreSQL is unreachable"));
            }
            given().baseUri(platform.projects.managementUrl()).when().get("/q/health/ready")
                    .then().body("checks.find { it.name == 'kafka-outbox' }.data.state", equalTo("OK"));
        } finally {
            platform.postgres.restart();
        }
        for (ServiceProcess service : platform.services()) {
            awaitReady(service);
        }
        assertEquals(pids, platform.services().stream().map(ServiceProcess::pid).toList(), "no service restarted");
        assertEquals(rows, keyProjectRows(), "nothing written during the outage");
        register("220402");
        assertEquals(rows + 1, keyProjectRows());
    }

    private static io.restassured.response.Response post(ServiceProcess service, String path, String body) {
        return platform.as("admin").baseUri(service.baseUrl()).contentType(ContentType.JSON).body(body)
                .when().post(path).andReturn();
    }

    /** 503 problem+json with a Retry-After in seconds: the answer to every request while the database is away. */
    private static void assertUnavailable(io.restassured.response.Response response) {
        assertEquals(503, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        String retryAfter = response.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("\\d+"), "Retry-After: " + retryAfter);
        assertEquals(503, (int) response.path("status"));
    }

    private static void awaitReady(ServiceProcess service) {
        Instant deadline = Instant.now().plus(DELIVERY);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = given().baseUri(service.managementUrl()).when().get("/q/health/ready").statusCode();
            if (status == 200) {
                return;
            }
            sleep(250);
        }
        assertEquals(200, status, service.name() + " is ready again after the database returned");
    }

    private static String register(String orgUnit) {
        String code = "SYS-" + SEQ.incrementAndGet();
        return platform.asClerkOf(orgUnit).baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"系统测试项目","orgUnit":"%s","sector":"EQUIPMENT",
                         "constructionType":"NEW","totalInvestment":1500.00}""".formatted(code, orgUnit))
                .when().post("/api/v1/projects")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static int kpi(String orgUnit) {
        return platform.as("leader").baseUri(platform.gateway.baseUrl())
                .queryParam("year", YEAR).queryParam("orgUnit", orgUnit)
                .when().get("/api/v1/kpis")
                .then().statusCode(200)
                .extract().path("kpis.find { it.id == 'projects.registered' }.value");
    }

    private static int awaitKpi(String orgUnit, int expected) {
        Instant deadline = Instant.now().plus(DELIVERY);
        int value = kpi(orgUnit);
        while (value < expected && Instant.now().isBefore(deadline)) {
            sleep(100);
            value = kpi(orgUnit);
        }
        return value;
    }

    /** The value once it has not changed for two seconds: lets late duplicates show up if there were any. */
    private static int awaitStableKpi(String orgUnit) {
        int value = kpi(orgUnit);
        Instant stableSince = Instant.now();
        Instant deadline = Instant.now().plus(DELIVERY);
        while (Duration.between(stableSince, Instant.now()).toMillis() < 2000 && Instant.now().isBefore(deadline)) {
            sleep(200);
            int now = kpi(orgUnit);
            if (now != value) {
                value = now;
                stableSince = Instant.now();
            }
        }
        return value;
    }

    /** Readiness stays 200 either way; the kafka-outbox check's state says whether events flow. */
    private static String awaitOutboxState(String expected) {
        Instant deadline = Instant.now().plus(DELIVERY);
        String state = outboxState();
        while (!expected.equals(state) && Instant.now().isBefore(deadline)) {
            sleep(250);
            state = outboxState();
        }
        return state;
    }

    private static String outboxState() {
        return given().baseUri(platform.projects.managementUrl()).when().get("/q/health/ready")
                .then().statusCode(200)
                .extract().path("checks.find { it.name == 'kafka-outbox' }.data.state");
    }

    private static int keyProjectRows() throws SQLException {
        try (Connection connection = platform.postgres.superuser("projects");
             ResultSet rs = connection.createStatement()
                     .executeQuery("select count(*) from project where total_investment >= 500 and stage <> 'CANCELLED'")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
