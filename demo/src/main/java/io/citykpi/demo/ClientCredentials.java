package io.citykpi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The loader's identity: an OAuth 2.0 client-credentials token of its Keycloak client
 * ({@code citykpi-demo-loader}, city-admin of 220400), fetched again shortly before it expires.
 */
final class ClientCredentials {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private String token;
    private Instant renewAfter = Instant.MIN;

    ClientCredentials(String tokenEndpoint, String clientId, String secret) {
        this.tokenEndpoint = URI.create(tokenEndpoint);
        this.clientId = clientId;
        this.secret = secret;
    }

    /** The value of an {@code Authorization} header. */
    synchronized String authorization() {
        if (Instant.now().isAfter(renewAfter)) {
            renew();
        }
        return "Bearer " + token;
    }

    private void renew() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for client " + clientId + " from " + tokenEndpoint + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = Http.MAPPER.readTree(response.body());
            token = json.path("access_token").asText();
            // A minute of margin, so that no request leaves with a token about to expire.
            renewAfter = Instant.now().plusSeconds(Math.max(0, json.path("expires_in").asLong(60) - 60));
        } catch (IOException e) {
            throw new IllegalStateException("no token for client " + clientId + " from " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
