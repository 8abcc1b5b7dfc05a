package io.citykpi.gateway.cockpit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The cockpit's page as a browser reaches it: without a token, and with or without the final slash. */
@QuarkusTest
class CockpitPageTest {

    @Test
    void thePageIsPublicNamesTheRealmAndIsNeverCached() {
        given().redirects().follow(false)
                .when().get("/cockpit/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-cache"))
                .header("CityKPI-Issuer", endsWith("/realms/quarkus"));
    }

    @Test
    void theAddressWithoutItsSlashLeadsToThePage() {
        given().redirects().follow(false)
                .when().get("/cockpit")
                .then().statusCode(301)
                .header("Location", equalTo("cockpit/"));
        given().redirects().follow(false).queryParam("lang", "en")
                .when().get("/cockpit")
                .then().statusCode(301)
                .header("Location", equalTo("cockpit/?lang=en"));
    }
}
