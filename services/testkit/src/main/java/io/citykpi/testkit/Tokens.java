package io.citykpi.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens as the city's Keycloak issues them (realm roles in {@code realm_access.roles}, the
 * {@code orgUnit} claim, audience {@code citykpi-api}), signed locally with the key that
 * {@link OidcTestResource}'s provider publishes. Users are named as in the development realm.
 */
public final class Tokens {

    /** The issuer the local provider announces (OidcWiremockTestResource's default). */
    static final String ISSUER = System.getProperty("quarkus.test.oidc.token.issuer", "https://server.example.com");
    public static final String AUDIENCE = "citykpi-api";
    private static final String SIGNING_KEY = "privateKey.jwk";

    public static final String CITY = "220400";

    private Tokens() {
    }

    /** {@code admin}: city-admin of the city. */
    public static String admin() {
        return user("admin", CITY, "city-admin");
    }

    /** {@code leader}: reads everything, writes nothing. */
    public static String leader() {
        return user("leader", CITY, "leader");
    }

    /** {@code clerk-<orgUnit>}: district-clerk of that unit. */
    public static String clerk(String orgUnit) {
        return user("clerk-" + orgUnit, orgUnit, "district-clerk");
    }

    /** {@code reviewer-<orgUnit>}: district-reviewer of that unit. */
    public static String reviewer(String orgUnit) {
        return user("reviewer-" + orgUnit, orgUnit, "district-reviewer");
    }

    /** {@code auditor}: reads records and audit trails. */
    public static String auditor() {
        return user("auditor", CITY, "auditor");
    }

    /** A user of the realm with these roles; {@code orgUnit} may be null (no claim). */
    public static String user(String username, String orgUnit, String... roles) {
        return claims(username, orgUnit, roles).expiresIn(Duration.ofHours(1)).jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A client-credentials token of a service account, as Keycloak names it ({@code service-account-<client>}). */
    public static String serviceAccount(String clientId, String orgUnit, String... roles) {
        return claims("service-account-" + clientId, orgUnit, roles).claim("client_id", clientId).claim("azp", clientId)
                .expiresIn(Duration.ofHours(1)).jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A token of {@code admin} that expired a minute ago. */
    public static String expiredAdmin() {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return claims("admin", CITY, "city-admin").issuedAt(issued).expiresAt(Instant.now().minus(Duration.ofMinutes(1)))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A token of {@code admin} for another API: the audience is not citykpi-api. */
    public static String adminForAnotherAudience() {
        return claims("admin", CITY, "city-admin").audience("another-api").expiresIn(Duration.ofHours(1))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** The subject ({@code sub}) the tokens of a user name carry: a UUID, as Keycloak's are. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JwtClaimsBuilder claims(String username, String orgUnit, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subjectOf(username))
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (orgUnit != null) {
            claims.claim("orgUnit", orgUnit);
        }
        return claims;
    }
}
