package io.citykpi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the Liaoyuan 2025 demo through the services' public HTTP APIs, so that every fact travels as
 * a real event: the targets stated in the source document (targets.json) into the gateway, then a
 * deterministic synthetic year of activity (synthetic.json) into the four domain services. Waits for
 * the gateway to have applied it and prints a few KPIs.
 *
 *
 * <p>It calls as the Keycloak client {@code citykpi-demo-loader} (client credentials, city-admin of
 * 220400); the secret comes from {@code --client-secret} or, to keep it off the command line, the
 * environment variable {@code CITYKPI_DEMO_CLIENT_SECRET}. Start it once the services are ready.
 *
 * <pre>java -cp ... io.citykpi.demo.DemoLoader [--data=demo/data/liaoyuan-2025] [--gateway=http://127.0.0.1:8080]
 *     [--projects=...:8081] [--investment=...:8082] [--livelihood=...:8083] [--safety-inspection=...:8084]
 *     [--token-url=http://localhost:18180/realms/citykpi/protocol/openid-connect/token] [--client-id=citykpi-demo-loader]
 *     [--client-secret=...]</pre>
 */
public final class DemoLoader {

    private DemoLoader() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "data", "demo/data/liaoyuan-2025",
                "gateway", "http://127.0.0.1:8080",
                "projects", "http://127.0.0.1:8081",
                "investment", "http://127.0.0.1:8082",
                "livelihood", "http://127.0.0.1:8083",
                "safety-inspection", "http://127.0.0.1:8084",
                "token-url", "http://localhost:18180/realms/citykpi/protocol/openid-connect/token",
                "client-id", "citykpi-demo-loader",
                "threads", "8"));
        options.put("client-secret", System.getenv().getOrDefault("CITYKPI_DEMO_CLIENT_SECRET", ""));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (use --name=value)");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Services urls = new Services(options.get("gateway"), options.get("projects"), options.get("investment"),
                options.get("livelihood"), options.get("safety-inspection"));
        Path data = Path.of(options.get("data"));
        if (options.get("client-secret").isBlank()) {
            throw new IllegalArgumentException("the client secret of " + options.get("client-id")
                    + " is missing: --client-secret=... or CITYKPI_DEMO_CLIENT_SECRET (make run keeps it in .run/secrets)");
        }
        Http http = new Http(new ClientCredentials(options.get("token-url"), options.get("client-id"),
                options.get("client-secret")));
        Instant start = Instant.now();
        JsonNode targets = Http.MAPPER.readTree(Files.readString(data.resolve("targets.json")));
        for (JsonNode target : targets.path("targets")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", target.path("value").decimalValue());
            if (target.has("phasing")) {
                body.put("phasing", target.get("phasing"));
            }
            body.put("note", target.path("quote").asText());
            http.send("PUT", urls.gateway() + "/api/v1/targets/" + targets.path("year").asInt() + "/"
                    + target.path("kpiId").asText() + "/" + target.path("orgUnit").asText(), body);
        }
        log("Set %d targets stated in the source document", targets.path("targets").size());

        SyntheticYear year = new SyntheticYear(Http.MAPPER.readTree(Files.readString(data.resolve("synthetic.json"))), http, urls);
        year.load(Integer.parseInt(options.get("threads")));
        log("Loaded the synthetic year through the services' APIs: %d requests in %d s", http.requests(),
                Duration.between(start, Instant.now()).toSeconds());

        String kpis = urls.gateway() + "/api/v1/kpis?year=" + year.year() + "&orgUnit=220400";
        int expected = year.keyProjects();
        waitFor(() -> registered(http, kpis) == expected, Duration.ofMinutes(3),
                "the gateway did not reach " + expected + " key projects");
        Thread.sleep(3000); // the last events of the other topics arrive within moments of the projects'
        JsonNode report = http.get(kpis);
        log("The gateway has applied everything. 辽源市 %d:", year.year());
        for (JsonNode kpi : report.path("kpis")) {
            System.out.printf("  %-42s %14s %s%n", kpi.path("id").asText(), kpi.path("value").asText("-"),
                    kpi.path("unit").asText());
        }
        log("Try (with a token, see below): curl -H \"Authorization: Bearer $TOKEN\" '%s'   and   %s/api/v1/alerts?year=%d",
                kpis, urls.gateway(), year.year());
    }

    private static int registered(Http http, String kpis) {
        try {
            for (JsonNode kpi : http.get(kpis).path("kpis")) {
                if (kpi.path("id").asText().equals("projects.registered")) {
                    return kpi.path("value").asInt();
                }
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String failure)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(failure + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("%tT %s%n", java.time.LocalTime.now(), String.format(format, args));
    }

    record Services(String gateway, String projects, String investment, String livelihood, String safety) {
    }
}
