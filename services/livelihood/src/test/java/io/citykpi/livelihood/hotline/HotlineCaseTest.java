package io.citykpi.livelihood.hotline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.citykpi.testkit.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class HotlineCaseTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public static String receive(String type, String receivedAt) {
        String number = "T-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        given().contentType(ContentType.JSON)
                .body("""
                        {"caseNumber":"%s","orgUnit":"220403","type":"%s","receivedAt":"%s","summary":"供暖不热"}"""
                        .formatted(number, type, receivedAt))
                .post("/api/v1/hotline-cases").then().statusCode(201);
        return number;
    }

    public static ValidatableResponse step(String number, String action, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/hotline-cases/" + number + "/" + action).then();
    }

    @Test
    void dueTimesCountWorkingDaysAcrossAWeekendAHolidayAndASwappedSaturday() {
        dueAt("ENQUIRY", "2025-03-13T10:00:00+08:00", "2025-03-18T23:59:59+08:00");
        dueAt("ENQUIRY", "2025-04-02T10:00:00+08:00", "2025-04-08T23:59:59+08:00");
        dueAt("ENQUIRY", "2025-10-09T10:00:00+08:00", "2025-10-13T23:59:59+08:00");
        dueAt("EMERGENCY", "2025-10-03T22:00:00+08:00", "2025-10-03T23:59:59+08:00");
        dueAt("COMPLAINT", "2025-01-24T10:00:00+08:00", "2025-02-18T23:59:59+08:00");
    }

    @Test
    void aCaseInAYearTheCalendarDoesNotHoldIsRefusedAndTheCalendarCheckSaysSo() {
        // 2019: no holiday notice in the calendar. Counting weekends alone would guess a due day; never.
        given().contentType(ContentType.JSON)
                .body("""
                        {"caseNumber":"T-2019-%d","orgUnit":"220403","type":"ENQUIRY","receivedAt":"2019-12-30T10:00:00+08:00"}"""
                        .formatted(System.nanoTime() % 100000))
                .post("/api/v1/hotline-cases").then().statusCode(409)
                .body("type", endsWith("/working-day-calendar-missing-year"))
                .body("context.year", equalTo(2019))
                .body("context.calendarYears", hasItem(2020));
        given().auth().none().get(Management.url("/q/health/well")).then().statusCode(503)
                .body("checks.find { it.name == 'working-day-calendar' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'working-day-calendar' }.data.missingYears", equalTo("[2019]"));
        // A limit that only runs through held years is counted as before: 2021-01-01 (a Friday) is a holiday.
        dueAt("ENQUIRY", "2020-12-31T10:00:00+08:00", "2021-01-06T23:59:59+08:00");
    }

    @Test
    void theBusinessDayIsShanghaisWhateverTheOffsetOfTheRequest() {
        // 17:00 UTC on Friday 14 March is 01:00 on Saturday 15 March in Shanghai: the count starts from Saturday
        dueAt("ENQUIRY", "2025-03-14T17:00:00Z", "2025-03-19T23:59:59+08:00");
    }

    @Test
    void followsTheLifecycleAndRecordsOnTimeAndLate() {
        String number = receive("ENQUIRY", "2025-03-13T10:00:00+08:00");
        step(number, "resolution", "{\"resolvedAt\":\"2025-03-14T10:00:00+08:00\",\"solved\":true}").statusCode(409)
                .body("type", endsWith("/illegal-case-transition"))
                .body("context.currentStatus", equalTo("RECEIVED"));
        step(number, "acceptance", "{\"acceptedAt\":\"2025-03-13T09:00:00+08:00\"}").statusCode(409)
                .body("type", endsWith("/time-before-previous-step"));
        step(number, "acceptance", "{\"acceptedAt\":\"2025-03-14T11:00:00+08:00\"}").statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptedOnTime", equalTo(true));
        step(number, "resolution", "{\"resolvedAt\":\"2025-03-19T08:00:00+08:00\",\"solved\":true}").statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedOnTime", equalTo(false));
        step(number, "feedback", "{\"feedbackAt\":\"2025-03-20T08:00:00+08:00\",\"feedback\":\"BASICALLY_SATISFIED\"}")
                .statusCode(200).body("status", equalTo("CLOSED"));
        step(number, "feedback", "{\"feedbackAt\":\"2025-03-20T09:00:00+08:00\",\"feedback\":\"SATISFIED\"}").statusCode(409);
        given().get("/api/v1/hotline-cases/" + number).then().statusCode(200)
                .body("history.action", contains("RECEIVED", "ACCEPTED", "RESOLVED", "FEEDBACK"));
    }

    @Test
    void theThirdReworkEscalatesTheCase() {
        String number = receive("COMPLAINT", "2025-05-06T09:00:00+08:00");
        step(number, "acceptance", "{\"acceptedAt\":\"2025-05-06T10:00:00+08:00\"}").statusCode(200);
        step(number, "rework", "{\"sentBackAt\":\"2025-05-06T11:00:00+08:00\",\"reason\":\"x\"}").statusCode(409);
        for (int round = 1; round <= 3; round++) {
            step(number, "resolution", "{\"resolvedAt\":\"2025-05-%02dT10:00:00+08:00\",\"solved\":false}".formatted(6 + round))
                    .statusCode(200);
            step(number, "feedback", "{\"feedbackAt\":\"2025-05-%02dT12:00:00+08:00\",\"feedback\":\"UNSATISFIED\"}".formatted(6 + round))
                    .statusCode(200);
            step(number, "rework", "{\"sentBackAt\":\"2025-05-%02dT13:00:00+08:00\",\"reason\":\"群众反映问题未解决\"}".formatted(6 + round))
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED"))
                    .body("reworkCount", equalTo(round))
                    .body("escalated", equalTo(round >= 3))
                    .body("dueAt", equalTo("2025-05-23T23:59:59+08:00"));
        }
        given().queryParam("escalated", true).queryParam("size", 200).get("/api/v1/hotline-cases")
                .then().body("items.caseNumber", hasItem(number));
        given().get("/api/v1/hotline-cases/" + number).then()
                .body("history.action", hasItem("ESCALATED"));
    }

    @Test
    void refusesDuplicatesBadInputAndUnknownCases() {
        String number = receive("SUGGESTION", "2025-05-06T09:00:00+08:00");
        given().contentType(ContentType.JSON)
                .body("{\"caseNumber\":\"%s\",\"orgUnit\":\"220403\",\"type\":\"SUGGESTION\",\"receivedAt\":\"2025-05-06T09:00:00+08:00\"}"
                        .formatted(number))
                .post("/api/v1/hotline-cases").then().statusCode(409).body("type", endsWith("/duplicate-case-number"));
        given().contentType(ContentType.JSON)
                .body("{\"caseNumber\":\"x y\",\"orgUnit\":\"220403\",\"type\":\"GOSSIP\",\"receivedAt\":\"2099-01-01T00:00:00+08:00\"}")
                .post("/api/v1/hotline-cases").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body("{\"caseNumber\":\"FUT-1\",\"orgUnit\":\"220403\",\"type\":\"ENQUIRY\",\"receivedAt\":\"2099-01-01T00:00:00+08:00\"}")
                .post("/api/v1/hotline-cases").then().statusCode(400).body("errors[0].field", equalTo("receivedAt"));
        given().get("/api/v1/hotline-cases/NO-SUCH-CASE").then().statusCode(404).contentType("application/problem+json");
        step("NO-SUCH-CASE", "acceptance", "{\"acceptedAt\":\"2025-05-06T10:00:00+08:00\"}").statusCode(404);
    }

    @Test
    void listsOverdueCases() {
        String late = receive("ENQUIRY", "2025-03-13T10:00:00+08:00");
        given().queryParam("overdue", true).queryParam("orgUnit", "220400").queryParam("size", 200).get("/api/v1/hotline-cases")
                .then().statusCode(200)
                .body("items.caseNumber", hasItem(late))
                .body("items.overdue", everyItem(equalTo(true)));
    }

    private static void dueAt(String type, String receivedAt, String expected) {
        String number = receive(type, receivedAt);
        given().get("/api/v1/hotline-cases/" + number).then().body("hotlineCase.dueAt", equalTo(expected));
    }
}
