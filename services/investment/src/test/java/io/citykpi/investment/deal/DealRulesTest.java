package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealStatus;
import static io.citykpi.investment.DealsApi.amend;
import static io.citykpi.investment.DealsApi.arrive;
import static io.citykpi.investment.DealsApi.sign;
import static io.citykpi.investment.DealsApi.status;
import static io.citykpi.investment.DealsApi.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DealRulesTest {

    private static final LocalDate SIGNED = today().minusDays(30);

    @Test
    void recordsADealWithItsDerivedSizeClass() {
        String id = sign("220402", "120000.00", SIGNED);
        given().when().get("/api/v1/deals/" + id)
                .then().statusCode(200)
                .body("deal.status", equalTo("SIGNED"))
                .body("deal.statusSince", equalTo(SIGNED.toString()))
                .body("deal.sizeClass", equalTo("OVER_1B"))
                .body("deal.contractAmount", equalTo(120000.00f))
                .body("deal.arrivedAmount", equalTo(0))
                .body("statusHistory[0].toStatus", equalTo("SIGNED"));
    }

    @Test
    void refusesInvalidDealsNamingEveryField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name":"","investor":"x","investorOrigin":"广东省","orgUnit":"999999","sector":"NEW_MATERIALS",
                         "signedOn":"%s","contractAmount":0}""".formatted(today().plusDays(1)))
                .when().post("/api/v1/deals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("orgUnit"))
                .body("errors.field", hasItem("signedOn"))
                .body("errors.field", hasItem("contractAmount"));
    }

    @Test
    void followsTheLegalPathAndRefusesEveryIllegalMove() {
        String id = sign("220402", "5000", SIGNED);
        status(id, "STARTED", SIGNED.plusDays(1)).statusCode(200).body("status", equalTo("STARTED"));
        status(id, "IN_PRODUCTION", SIGNED.plusDays(2)).statusCode(200);

        List<String> wrong = new ArrayList<>();
        for (DealStatus from : DealStatus.values()) {
            EnumSet<DealStatus> illegal = EnumSet.allOf(DealStatus.class);
            illegal.removeAll(from.next());
            for (DealStatus to : illegal) {
                int code = status(dealIn(from), to.name(), today()).extract().statusCode();
                if (code != 409) {
                    wrong.add(from + "→" + to + " answered " + code);
                }
            }
        }
        assertEquals(List.of(), wrong);
        status(sign("220402", "5000", SIGNED), "IN_PRODUCTION", today())
                .statusCode(409)
                .body("type", endsWith("/illegal-status-transition"))
                .body("context.allowedNextStatuses", contains("STARTED", "TERMINATED"));
    }

    @Test
    void refusesAStatusDateBeforeTheCurrentStatusBegan() {
        String id = sign("220402", "5000", SIGNED);
        status(id, "STARTED", SIGNED.minusDays(1)).statusCode(409)
                .body("type", endsWith("/effective-date-before-previous-change"));
    }

    @Test
    void refusesArrivalsAboveTheContractAndAcceptsThemAfterAnAmendment() {
        String id = sign("220421", "10000.00", SIGNED);
        arrive(id, "6000.00", SIGNED.plusDays(1)).statusCode(201)
                .body("deal.arrivedAmount", equalTo(6000.00f));
        arrive(id, "4000.01", SIGNED.plusDays(2)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/arrivals-exceed-contract"))
                .body("context.acceptableAtMost", equalTo(4000.00f));
        given().when().get("/api/v1/deals/" + id).then().body("arrivals", hasSize(1));

        amend(id, "12000.00", SIGNED.plusDays(3)).statusCode(200).body("contractAmount", equalTo(12000.00f));
        arrive(id, "4000.01", SIGNED.plusDays(4)).statusCode(201).body("deal.arrivedAmount", equalTo(10000.01f));
        arrive(id, "2000", SIGNED.plusDays(5)).statusCode(409);
        given().when().get("/api/v1/deals/" + id)
                .then().body("amendments", hasSize(1))
                .body("amendments[0].previousAmount", equalTo(10000.00f))
                .body("amendments[0].reason", equalTo("补充协议"))
                .body("arrivalRatePercent", equalTo(83.3f));
    }

    @Test
    void refusesAnAmendmentBelowTheFundsArrivedOrThatChangesNothing() {
        String id = sign("220421", "10000", SIGNED);
        arrive(id, "6000", SIGNED.plusDays(1)).statusCode(201);
        amend(id, "5999.99", today()).statusCode(409).body("type", endsWith("/amendment-below-arrived"));
        amend(id, "10000.00", today()).statusCode(409).body("type", endsWith("/amendment-changes-nothing"));
        amend(id, "9000", SIGNED.minusDays(1)).statusCode(409).body("type", endsWith("/amendment-before-signing"));
        given().contentType(ContentType.JSON).body("{\"newContractAmount\":9000,\"effectiveDate\":\"" + today() + "\"}")
                .post("/api/v1/deals/" + id + "/contract-amendments")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void refusesArrivalsForATerminatedDealOrBeforeSigning() {
        String id = sign("220422", "10000", SIGNED);
        arrive(id, "100", SIGNED.minusDays(1)).statusCode(409).body("type", endsWith("/arrival-before-signing"));
        arrive(id, "100", today().plusDays(1)).statusCode(400).body("errors[0].field", equalTo("arrivedOn"));
        arrive(id, "0", today()).statusCode(400).body("errors[0].field", equalTo("amount"));
        status(id, "TERMINATED", today()).statusCode(200);
        arrive(id, "100", today()).statusCode(409).body("type", endsWith("/deal-terminated"))
                .body("detail", containsString("terminated"));
    }

    @Test
    void answers404ForAnUnknownDeal() {
        String unknown = "0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11";
        given().get("/api/v1/deals/" + unknown).then().statusCode(404).contentType("application/problem+json");
        arrive(unknown, "1", today()).statusCode(404);
        status(unknown, "STARTED", today()).statusCode(404);
        amend(unknown, "1", today()).statusCode(404);
    }

    @Test
    void filtersSortsAndPages() {
        String origin = "测试省" + System.nanoTime() % 100000;
        for (String amount : List.of("5000", "15000", "150000")) {
            given().contentType(ContentType.JSON)
                    .body("""
                            {"name":"筛选","investor":"x","investorOrigin":"%s","orgUnit":"220471","sector":"NEW_ENERGY",
                             "signedOn":"%s","contractAmount":%s}""".formatted(origin, SIGNED, amount))
                    .post("/api/v1/deals").then().statusCode(201);
        }
        given().queryParam("origin", origin).queryParam("sort", "-contractAmount").get("/api/v1/deals")
                .then().statusCode(200)
                .body("items.contractAmount", contains(150000.00f, 15000.00f, 5000.00f))
                .body("page.totalElements", equalTo(3));
        given().queryParam("origin", origin).queryParam("sizeClass", "OVER_100M").get("/api/v1/deals")
                .then().body("items.contractAmount", contains(15000.00f));
        given().queryParam("origin", origin).queryParam("orgUnit", "220400").queryParam("size", 2).get("/api/v1/deals")
                .then().body("items", hasSize(2)).body("page.totalPages", equalTo(2));
        given().queryParam("origin", origin).queryParam("signedFrom", SIGNED.plusDays(1).toString()).get("/api/v1/deals")
                .then().body("items", hasSize(0));
        given().queryParam("signedFrom", "yesterday").get("/api/v1/deals")
                .then().statusCode(400).body("errors[0].field", equalTo("signedFrom"));
        given().queryParam("sort", "investor").get("/api/v1/deals").then().statusCode(400);
    }

    private static String dealIn(DealStatus status) {
        String id = sign("220402", "5000", SIGNED);
        switch (status) {
            case STARTED -> status(id, "STARTED", SIGNED).statusCode(200);
            case IN_PRODUCTION -> {
                status(id, "STARTED", SIGNED).statusCode(200);
                status(id, "IN_PRODUCTION", SIGNED).statusCode(200);
            }
            case TERMINATED -> status(id, "TERMINATED", SIGNED).statusCode(200);
            default -> {
            }
        }
        return id;
    }
}
