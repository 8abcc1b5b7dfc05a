package io.citykpi.testkit;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * A local OpenID Connect provider on a free port for @QuarkusTests: it publishes the key that
 * {@link Tokens} signs with, so the service checks real signatures, issuer, audience and expiry without
 * Keycloak or Docker. Requests of a test are made as the city administrator unless the test says otherwise
 * ({@code given().auth().oauth2(Tokens.clerk("220402"))}, or {@code auth().none()} for no token):
 * see {@link AdminByDefault}.
 */
public class OidcTestResource extends OidcWiremockTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
        return config;
    }
}
