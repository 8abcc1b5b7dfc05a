package io.citykpi.investment;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;

/** The deals API as an investment-promotion bureau's front end calls it, for tests. */
public final class DealsApi {

    private DealsApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public static String sign(String orgUnit, String contractAmount, LocalDate signedOn) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"name":"测试签约项目","investor":"测试投资有限公司","investorOrigin":"广东省","orgUnit":"%s",
                         "sector":"NEW_MATERIALS","signedOn":"%s","contractAmount":%s}"""
                        .formatted(orgUnit, signedOn, contractAmount))
                .when().post("/api/v1/deals")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static ValidatableResponse status(String id, String status, LocalDate effectiveDate) {
        return given().contentType(ContentType.JSON)
                .body("{\"status\":\"%s\",\"effectiveDate\":\"%s\"}".formatted(status, effectiveDate))
                .when().post("/api/v1/deals/" + id + "/status-transitions").then();
    }

    public static ValidatableResponse arrive(String id, String amount, LocalDate arrivedOn) {
        return given().contentType(ContentType.JSON)
                .body("{\"arrivedOn\":\"%s\",\"amount\":%s,\"source\":\"DOMESTIC\"}".formatted(arrivedOn, amount))
                .when().post("/api/v1/deals/" + id + "/arrivals").then();
    }

    public static ValidatableResponse amend(String id, String amount, LocalDate effectiveDate) {
        return given().contentType(ContentType.JSON)
                .body("{\"newContractAmount\":%s,\"effectiveDate\":\"%s\",\"reason\":\"补充协议\"}"
                        .formatted(amount, effectiveDate))
                .when().post("/api/v1/deals/" + id + "/contract-amendments").then();
    }

    public static ValidatableResponse fai(String orgUnit, String month, String amount) {
        return given().contentType(ContentType.JSON).body("{\"amount\":" + amount + "}")
                .when().put("/api/v1/fixed-asset-investment/" + orgUnit + "/" + month).then();
    }
}
