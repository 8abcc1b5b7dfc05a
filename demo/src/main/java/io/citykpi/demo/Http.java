package io.citykpi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over HTTP to the services' public APIs, every call with the loader's bearer token; anything but
 * a 2xx stops the load with the problem body.
 */
final class Http {

    /** Dates, months and timestamps go out in ISO 8601, as the APIs read them. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("java-time-as-iso")
            .addSerializer(java.time.LocalDate.class, ToStringSerializer.instance)
            .addSerializer(java.time.YearMonth.class, ToStringSerializer.instance)
            .addSerializer(java.time.OffsetDateTime.class, ToStringSerializer.instance))
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final ClientCredentials credentials;

    Http(ClientCredentials credentials) {
        this.credentials = credentials;
    }

    int requests() {
        return requests.get();
    }

    /** The response body, plus the id from the Location header (for creations) as {@code _id}. */
    JsonNode send(String method, String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("accept", "application/json")
                    .header("authorization", credentials.authorization());
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("content-type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body() + "\nrequest: " + MAPPER.writeValueAsString(body));
            }
            JsonNode json = response.body().isBlank() ? NullNode.getInstance() : MAPPER.readTree(response.body());
            response.headers().firstValue("location").ifPresent(location -> {
                if (json.isObject()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json)
                            .put("_id", location.substring(location.lastIndexOf('/') + 1));
                }
            });
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode get(String url) {
        return send("GET", url, null);
    }
}
