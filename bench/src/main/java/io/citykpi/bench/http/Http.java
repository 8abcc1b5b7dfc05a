package io.citykpi.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.bench.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * JSON over HTTP to the services, as the identity in force ({@link Identity}).
 */
public final class Http {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    public record Answer(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Identity identity;

    public Http(Settings settings) {
        this.identity = new Identity(settings, client);
    }

    public Identity identity() {
        return identity;
    }

    public Answer get(String url) {
        return send("GET", url, null);
    }

    /** GET that must answer 2xx with JSON. */
    public JsonNode json(String url) {
        Answer answer = get(url);
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + url + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    public Answer send(String method, String url, Object body) {
        try {
            HttpResponse<String> r = client.send(request(method, url, body), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public CompletableFuture<Answer> sendAsync(String method, String url, Object body) {
        return client.sendAsync(request(method, url, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body()));
    }

    /** Whether the URL answers 200 now (no identity: health endpoints are open). */
    public boolean up(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest request(String method, String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("accept", "application/json");
        identity.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("content-type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
        return request.build();
    }
}
