package io.citykpi.gateway;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

/** Reads KPI values the way the cockpit does, over HTTP from the running gateway. */
public final class ServedKpis {

    private ServedKpis() {
    }

    /** Key projects on the register of a unit at the end of the year (or today), as served now. */
    public static int registered(int year, String orgUnit) {
        return given().queryParam("year", year).queryParam("orgUnit", orgUnit)
                .when().get("/api/v1/kpis")
                .then().statusCode(200)
                .extract().path("kpis.find { it.id == 'projects.registered' }.value");
    }

    /** Waits until the served value equals {@code expected}; returns the last value seen. */
    public static int awaitRegistered(int year, String orgUnit, int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int value = registered(year, orgUnit);
        while (value != expected && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = registered(year, orgUnit);
        }
        return value;
    }
}
