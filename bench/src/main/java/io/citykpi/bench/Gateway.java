package io.citykpi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.bench.http.Http;
import io.citykpi.bench.report.Figure;
import io.citykpi.bench.report.Figures;
import io.citykpi.bench.report.Goal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The gateway under test: {@code --gateway} (its API, default http://127.0.0.1:8080),
 * {@code --management} (where /q/health and /q/metrics answer: the API port today, the API port
 * + 1000 once they move to a management interface; found by itself when not given) and its process
 * ({@code --gateway-pid} or {@code --gateway-pid-file}) for the resident memory.
 */
public final class Gateway {

    /** Issue 15's goal: the gateway's RSS the same at 5 M facts as at the demo. */
    static final double RSS_GOAL_MB = 400;

    private final String api;
    private final String management;
    private final Http http;

    public Gateway(Settings settings, Http http) {
        this.http = http;
        this.api = settings.text("gateway", "http://127.0.0.1:8080");
        this.management = settings.optional("management").orElseGet(() -> findManagement(api, http));
    }

    public String api() {
        return api;
    }

    public String management() {
        return management;
    }

    public Http http() {
        return http;
    }

    private static String findManagement(String api, Http http) {
        if (http.up(api + "/q/health/live")) {
            return api;
        }
        URI uri = URI.create(api);
        String moved = uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 1000);
        return http.up(moved + "/q/health/live") ? moved : api;
    }

    /** Every projection generation, newest first (GET /api/v1/admin/projection). */
    public List<JsonNode> generations() {
        JsonNode list = http.json(api + "/api/v1/admin/projection");
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    /** Events applied to the active generation; empty while the gateway does not answer. */
    public OptionalLong activeEventsApplied() {
        try {
            for (JsonNode generation : generations()) {
                if (generation.path("state").asText().equals("ACTIVE")) {
                    return OptionalLong.of(generation.path("eventsApplied").asLong());
                }
            }
        } catch (IllegalStateException e) {
            // not answering (yet)
        }
        return OptionalLong.empty();
    }

    /** The gateway's process id, when it runs on this machine. */
    public static Optional<Long> pid(Settings settings) {
        Optional<String> pidFile = settings.optional("gateway-pid-file");
        Optional<String> pid = settings.optional("gateway-pid").or(() -> pidFile.flatMap(Gateway::read));
        return pid.map(String::trim).map(Long::parseLong).filter(p -> Files.exists(Path.of("/proc/" + p)));
    }

    /** Resident and peak resident memory in MB, from /proc/&lt;pid&gt;/status (VmRSS, VmHWM). */
    public static Optional<double[]> rssMegabytes(Settings settings) {
        return pid(settings).flatMap(p -> read("/proc/" + p + "/status")).map(status -> new double[] {
                kilobytes(status, "VmRSS:") / 1024.0, kilobytes(status, "VmHWM:") / 1024.0});
    }

    /** The gateway's JVM options (heap), from its command line. */
    public static String jvmOptions(Settings settings) {
        return pid(settings).flatMap(p -> {
            try {
                String cmdline = Files.readString(Path.of("/proc/" + p + "/cmdline")).replace('\0', ' ');
                return Optional.of(String.join(" ", java.util.Arrays.stream(cmdline.split(" "))
                        .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }).filter(s -> !s.isBlank()).orElse("JVM defaults (or not on this machine)");
    }

    /** Records the gateway's RSS now, labelled {@code when} (after ingest, after reads, ...). */
    public static void recordRss(Settings settings, Figures figures, String when) {
        Optional<double[]> rss = rssMegabytes(settings);
        if (rss.isEmpty()) {
            Log.info("Gateway RSS: no gateway process on this machine (--gateway-pid-file)");
            return;
        }
        Object facts = figures.fact("facts");
        String size = facts == null ? "" : String.format(" at %,d facts", ((Number) facts).longValue());
        figures.add(new Figure("memory", "gateway RSS " + when + size, rss.get()[0], "MB", null, null,
                List.of(Goal.valueAtMost(RSS_GOAL_MB)), "peak so far (VmHWM) " + Math.round(rss.get()[1]) + " MB; "
                + jvmOptions(settings)));
        Log.info("Gateway RSS %s: %.0f MB (peak %.0f MB)", when, rss.get()[0], rss.get()[1]);
    }

    private static long kilobytes(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field)).findFirst()
                .map(l -> Long.parseLong(l.substring(field.length()).replace("kB", "").trim())).orElse(0L);
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
