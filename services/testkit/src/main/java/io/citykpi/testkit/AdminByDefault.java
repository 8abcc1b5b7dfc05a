package io.citykpi.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Before each @QuarkusTest method, rest-assured's default authentication becomes a city administrator's
 * token, so a test about business rules needs no token plumbing; a test about access sets its own token
 * or {@code auth().none()}, which replace the default.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(Tokens.admin());
    }
}
