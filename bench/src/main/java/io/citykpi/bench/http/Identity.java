package io.citykpi.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who the harness is to the APIs. {@code --auth=none} sends no token (the APIs before identity);
 * {@code client-credentials} or {@code password} get a bearer token from {@code --token-url}
 * (default the local Keycloak's citykpi realm) as {@code --client-id} (citykpi-demo-loader) with
 * {@code --client-secret}, or as {@code --username}/{@code --password}; {@code auto} (the default)
 * uses the credentials given, else asks for a token only when the gateway answers 401 without one. Tokens are renewed before they expire.
 */
public final class Identity {

    static final String DEFAULT_TOKEN_URL = "http://localhost:18180/realms/citykpi/protocol/openid-connect/token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final String mode;
    private final String tokenUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Optional<String> username;
    private final Optional<String> password;
    private String token;
    private Instant renewAt = Instant.MIN;

    Identity(Settings settings, HttpClient client) {
        this.client = client;
        this.tokenUrl = settings.text("token-url", DEFAULT_TOKEN_URL);
        this.clientId = settings.text("client-id", "citykpi-demo-loader");
        this.clientSecret = settings.optional("client-secret");
        this.username = settings.optional("username");
        this.password = settings.optional("password");
        String asked = settings.text("auth", "auto");
        // Credentials given are meant to be used: asking the gateway instead would answer "none" whenever
        // it is not up yet (the ingest step restarts it), and every later call would be refused.
        if (asked.equals("auto") && (clientSecret.isPresent() || username.isPresent())) {
            asked = username.isPresent() ? "password" : "client-credentials";
        }
        this.mode = asked.equals("auto") ? detect(settings.text("gateway", "http://127.0.0.1:8080")) : asked;
        if (!mode.equals("none")) {
            Log.info("Calling the APIs with a %s token from %s (client %s%s)", mode, tokenUrl, clientId,
                    username.map(u -> ", user " + u).orElse(""));
        }
    }

    /** The value of the Authorization header, or empty when the APIs take none. */
    public synchronized Optional<String> authorization() {
        if (mode.equals("none")) {
            return Optional.empty();
        }
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return Optional.of("Bearer " + token);
    }

    private String detect(String gateway) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/kpi-definitions"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 401) {
                return "none";
            }
        } catch (IOException e) {
            return "none"; // the gateway is not up yet; commands that need it say so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "none";
        }
        return username.isPresent() ? "password" : "client-credentials";
    }

    private void fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        clientSecret.ifPresent(secret -> form.put("client_secret", secret));
        if (mode.equals("password")) {
            form.put("grant_type", "password");
            form.put("username", username.orElseThrow(() -> new IllegalArgumentException("--auth=password needs --username")));
            form.put("password", password.orElse(""));
        } else if (mode.equals("client-credentials")) {
            form.put("grant_type", "client_credentials");
        } else {
            throw new IllegalArgumentException("--auth must be auto, none, client-credentials or password, not " + mode);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(30)).header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint " + tokenUrl + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode json = MAPPER.readTree(response.body());
            token = json.path("access_token").asText();
            long lifetime = json.path("expires_in").asLong(60);
            renewAt = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the token endpoint " + tokenUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
