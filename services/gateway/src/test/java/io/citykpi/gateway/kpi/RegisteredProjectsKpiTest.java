package io.citykpi.gateway.kpi;

import static io.citykpi.gateway.ServedKpis.awaitRegistered;
import static io.citykpi.gateway.ServedKpis.registered;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.EventSender;
import io.citykpi.shared.event.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegisteredProjectsKpiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    EventSender events;

    private final DomainEvents live = DomainEvents.recordedNow();

    @BeforeEach
    void connect() {
        events = new EventSender(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void countsKeyProjectsPerDistrictAndRollsThemUpToTheCity() {
        int year = thisYear();
        int city = registered(year, "220400");
        int longshan = registered(year, "220402");
        int dongfeng = registered(year, "220421");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        events.send(live.newProject("220402", "32000.00", today));
        events.send(live.newProject("220402", "500.00", today));
        events.send(live.newProject("220421", "1200", today));
        events.send(live.newProject("220421", "499.99", today));

        assertEquals(city + 3, awaitRegistered(year, "220400", city + 3, WAIT), "city = sum of its units");
        assertEquals(longshan + 2, registered(year, "220402"));
        assertEquals(dongfeng + 1, registered(year, "220421"), "below 500万 is not a key project");
    }

    @Test
    void readsTheStockAsOfTheEndOfAPastYear() {
        int year = thisYear();
        int lastYear = registered(year - 1, "220403");
        int now = registered(year, "220403");
        events.send(live.newProject("220403", "800", LocalDate.of(year - 1, 12, 31)));
        events.send(live.newProject("220403", "800", LocalDate.of(year, 1, 1)));

        assertEquals(now + 2, awaitRegistered(year, "220403", now + 2, WAIT));
        assertEquals(lastYear + 1, registered(year - 1, "220403"), "registered after the year ended: not in it");
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        int year = thisYear();
        int before = registered(year, "220422");
        CloudEvent event = live.newProject("220422", "600", LocalDate.now(ZoneId.of("Asia/Shanghai")));
        events.send(event);
        events.send(event);
        CloudEvent marker = live.newProject("220422", "600", LocalDate.now(ZoneId.of("Asia/Shanghai")));
        events.send(marker);

        assertEquals(before + 2, awaitRegistered(year, "220422", before + 2, WAIT));
        assertEquals(before + 2, awaitRegistered(year, "220422", before + 3, Duration.ofSeconds(2)),
                "the duplicate is not counted");
    }

    @Test
    void aCancelledProjectLeavesTheRegisterFromItsCancellationDate() {
        int year = thisYear();
        int lastYear = registered(year - 1, "220402");
        int now = registered(year, "220402");
        CloudEvent project = live.newProject("220402", "900", LocalDate.of(year - 1, 6, 1));
        events.send(project);
        assertEquals(now + 1, awaitRegistered(year, "220402", now + 1, WAIT));
        events.send(live.stageChanged(project.subject(), code(project), project.orgUnit(), "PLANNED", "CANCELLED",
                LocalDate.of(year, 1, 10)));

        assertEquals(now, awaitRegistered(year, "220402", now, WAIT), "cancelled this year: not on the register now");
        assertEquals(lastYear + 1, registered(year - 1, "220402"), "still counted at the end of last year");
    }

    @Test
    void aProjectMovedToAnotherUnitCountsThere() {
        int year = thisYear();
        int xian = registered(year, "220403");
        int dongliao = registered(year, "220422");
        CloudEvent project = live.newProject("220403", "900", LocalDate.now(ZoneId.of("Asia/Shanghai")));
        events.send(project);
        events.send(live.projectMoved(project.subject(), code(project), "220403", "220422",
                LocalDate.now(ZoneId.of("Asia/Shanghai"))));

        assertEquals(dongliao + 1, awaitRegistered(year, "220422", dongliao + 1, WAIT));
        assertEquals(xian, registered(year, "220403"));
    }

    @Test
    void servesEveryCatalogueKpiForTheCityByDefault() {
        given().queryParam("year", thisYear())
                .when().get("/api/v1/kpis")
                .then().statusCode(200)
                .body("orgUnit", equalTo("220400"))
                .body("orgUnitName", equalTo("辽源市"))
                .body("kpis", hasSize(30))
                .body("kpis.find { it.id == 'projects.registered' }.name.zh", equalTo("重点项目在库数"))
                .body("kpis.find { it.id == 'projects.registered' }.rank", nullValue());
    }

    @Test
    void theCutOffIsTheEndOfAPastYearOrTheAsOfDate() {
        given().queryParam("year", 2024).when().get("/api/v1/kpis")
                .then().statusCode(200)
                .body("cutoff", equalTo("2024-12-31"))
                .body("asOf", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        given().queryParam("year", thisYear()).when().get("/api/v1/kpis")
                .then().statusCode(200).body("cutoff", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        given().queryParam("period", "2025Q2").queryParam("asOf", "2025-05-10").when().get("/api/v1/kpis")
                .then().statusCode(200)
                .body("year", equalTo(2025))
                .body("periodStart", equalTo("2025-04-01"))
                .body("periodEnd", equalTo("2025-06-30"))
                .body("cutoff", equalTo("2025-05-10"));
    }

    @Test
    void refusesAMissingYearOrAnUnknownUnitWithAProblem() {
        given().when().get("/api/v1/kpis")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].rule", equalTo("NotNull"));
        given().queryParam("year", 1999).when().get("/api/v1/kpis")
                .then().statusCode(400).body("errors[0].rule", equalTo("Range"));
        given().queryParam("year", "twenty").when().get("/api/v1/kpis")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("must be a whole number"));
        given().queryParam("year", 2025).queryParam("orgUnit", "999999").when().get("/api/v1/kpis")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("orgUnit"))
                .body("type", endsWith("/validation"));
    }

    @Test
    void listsTheCatalogueAndTheOrgUnits() {
        given().when().get("/api/v1/kpi-definitions")
                .then().statusCode(200)
                .body("kpis.find { it.id == 'projects.registered' }.valueType", equalTo("STOCK"));
        given().when().get("/api/v1/org-units")
                .then().statusCode(200)
                .body("$", hasSize(6))
                .body("find { it.code == '220471' }.kind", equalTo("DEVELOPMENT_ZONE"));
    }

    private static String code(CloudEvent project) {
        return project.data().get("code").asText();
    }

    private static int thisYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }
}
