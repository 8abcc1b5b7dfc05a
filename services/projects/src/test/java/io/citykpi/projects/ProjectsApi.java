package io.citykpi.projects;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/** The projects API as a district's front end calls it, for tests. */
public final class ProjectsApi {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private ProjectsApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    public static String newCode(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    /** Registers a 1亿 project in 龙山区 on {@code registeredOn}, in the given stage; returns its id. */
    public static String register(String stage, LocalDate registeredOn) {
        return register(newCode("T"), "220402", "10000.00", stage, registeredOn);
    }

    public static String register(String code, String orgUnit, String totalInvestment, String stage, LocalDate registeredOn) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"测试项目 %s","orgUnit":"%s","sector":"EQUIPMENT","constructionType":"NEW",
                         "totalInvestment":%s,"registeredOn":"%s","initialStage":"%s"}"""
                        .formatted(code, code, orgUnit, totalInvestment, registeredOn, stage))
                .when().post("/api/v1/projects")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static ValidatableResponse transition(String id, String stage, LocalDate effectiveDate) {
        return given().contentType(ContentType.JSON)
                .body("{\"stage\":\"%s\",\"effectiveDate\":\"%s\"}".formatted(stage, effectiveDate))
                .when().post("/api/v1/projects/" + id + "/stage-transitions")
                .then();
    }

    public static ValidatableResponse report(String id, YearMonth month, String amount) {
        return given().contentType(ContentType.JSON)
                .body("{\"amount\":" + amount + "}")
                .when().put("/api/v1/projects/" + id + "/investment-reports/" + month)
                .then();
    }

    public static ValidatableResponse plan(String id, int year, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/projects/" + id + "/plans/" + year)
                .then();
    }
}
