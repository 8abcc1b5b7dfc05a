package io.citykpi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.citykpi.testkit.Ports;
import io.citykpi.testkit.ServiceProcess;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Prometheus (Debian's package, installed when missing) scrapes the packaged services: all five
 * are up, the business series exist and move after a write, and the alert rules only use metrics the
 * services really export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Platform platform;
    static Process prometheus;
    static String prometheusUrl;
    static Path prometheusDir;

    @BeforeAll
    static void start() throws Exception {
        Prometheus.ensureInstalled();
        platform = Platform.start(Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        prometheusDir = Files.createTempDirectory("citykpi-prometheus-");
        StringBuilder targets = new StringBuilder();
        for (ServiceProcess service : platform.services()) {
            // Metrics are on the management port, which the Ingress never publishes.
            targets.append("'127.0.0.1:").append(service.managementPort()).append("',");
        }
        Files.writeString(prometheusDir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: citykpi
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: [%s]
                """.formatted(targets));
        int port = Ports.free();
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + prometheusDir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + prometheusDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(platform.root.resolve("system-test/target/system-logs/prometheus.log").toFile())
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void promtoolAcceptsTheRules() throws Exception {
        Process check = new ProcessBuilder("promtool", "check", "rules", rulesFile().toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), output);
    }

    @Test
    @Order(2)
    void allFiveServicesAreUp() throws Exception {
        assertTrue(await("count(up{job=\"citykpi\"} == 1)", v -> v == 5), "5 services up");
        assertTrue(await("count(count by (service) (citykpi_outbox_pending_events))", v -> v == 5),
                "every service exports its outbox backlog (the gateway's: target changes), labelled with its name");
    }

    @Test
    @Order(3)
    void businessSeriesMoveAfterAWrite() throws Exception {
        double before = value("sum(citykpi_gateway_events_applied_total)");
        double applied = Double.isNaN(before) ? 0 : before;
        platform.asClerkOf("220402").baseUri(platform.projects.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"code":"OBS-1","name":"可观测性测试项目","orgUnit":"220402","sector":"OTHER",
                         "constructionType":"NEW","totalInvestment":800}""")
                .when().post("/api/v1/projects").then().statusCode(201);
        assertTrue(await("sum(citykpi_outbox_events_published_total{service=\"projects\"})", v -> v >= 1));
        assertTrue(await("sum(citykpi_gateway_events_applied_total)", v -> v > applied));
        assertTrue(await("sum(citykpi_gateway_event_latency_seconds_count)", v -> v >= 1));
        assertTrue(await("count(citykpi_gateway_newest_event_age_seconds{source=\"/citykpi/projects\"})", v -> v == 1));
        assertTrue(await("sum(citykpi_projects{service=\"projects\"})", v -> v >= 1), "domain gauge of projects by stage");
    }

    @Test
    @Order(4)
    void logsAreJsonAndALineAboutAnEventCarriesItsId() throws Exception {
        Path log = platform.root.resolve("system-test/target/system-logs/projects.log");
        JsonNode line = null;
        for (String text : Files.readAllLines(log)) {
            if (text.startsWith("{") && text.contains("Registered project OBS-1")) {
                line = JSON.readTree(text);
            }
        }
        assertTrue(line != null, "a JSON log line about the registration");
        assertEquals("INFO", line.path("level").asText());
        assertTrue(line.path("mdc").path("ce_id").asText().matches("[0-9a-f-]{36}"), line.toString());
    }

    @Test
    @Order(5)
    void everyMetricTheRulesUseIsExported() throws Exception {
        Set<String> names = metricNames(Files.readString(rulesFile()));
        assertTrue(names.size() >= 7, names.toString());
        for (String name : names) {
            assertTrue(await("count({__name__=\"" + name + "\"})", v -> v >= 1), name + " is not exported");
        }
    }

    /** Metric names in the rules' expressions (identifiers of our metric families, and up). */
    static Set<String> metricNames(String rules) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b(citykpi_[a-z0-9_]+|kafka_[a-z0-9_]+|http_server_[a-z0-9_]+|up)\\b(?=\\s*[{\\[)=<>]|\\s*$)");
        for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(rules).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                Matcher identifier = metric.matcher(rule.path("expr").asText());
                while (identifier.find()) {
                    names.add(identifier.group(1));
                }
            }
        }
        return names;
    }

    private static Path rulesFile() {
        return platform.root.resolve("deploy/prometheus/citykpi-rules.yaml");
    }

    private static boolean await(String query, DoublePredicate condition) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            double value = value(query);
            if (!Double.isNaN(value) && condition.test(value)) {
                return true;
            }
            Thread.sleep(500);
        }
        System.out.println("last value of " + query + ": " + value(query));
        return false;
    }

    /** The single value of an instant query, NaN when it returns nothing (or Prometheus is not up yet). */
    private static double value(String query) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/query?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode result = JSON.readTree(response.body()).path("data").path("result");
            return result.size() == 0 ? Double.NaN : result.get(0).path("value").get(1).asDouble();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Debian's prometheus package provides prometheus and promtool; install it when it is missing. */
    static final class Prometheus {

        static void ensureInstalled() throws Exception {
            if (onPath("prometheus") && onPath("promtool")) {
                return;
            }
            // Another apt-get (an unattended upgrade, a colleague's install) may hold the dpkg lock: wait for it.
            run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-qq"));
            run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-qq", "--no-install-recommends",
                    "prometheus"));
            assertTrue(onPath("prometheus") && onPath("promtool"), "prometheus could not be installed");
        }

        private static boolean onPath(String command) {
            for (String dir : System.getenv("PATH").split(":")) {
                if (Files.isExecutable(Path.of(dir, command))) {
                    return true;
                }
            }
            return false;
        }

        private static void run(List<String> command) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), String.join(" ", command) + " failed:\n" + output);
        }
    }
}
