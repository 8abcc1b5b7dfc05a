package io.citykpi.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.bench.http.Http;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's wrk (HTTP load from C, so the client is not what limits the figures) with
 * bench/wrk/report.lua and reads the line it prints at the end.
 */
final class Wrk {

    record Result(long requests, double seconds, double p50, double p90, double p99, double max, long errors,
                  long non2xx) {
        double throughput() {
            return requests / seconds;
        }

        String describe() {
            return String.format("%,d requests, p50 %.1f ms, p99 %.1f ms%s", requests, p50, p99,
                    errors + non2xx == 0 ? "" : String.format(", %d errors, %d non-2xx", errors, non2xx));
        }
    }

    private final String executable;
    private final String script;

    Wrk(String executable, String script) {
        this.executable = executable;
        this.script = script;
    }

    /**
     * @param url         the URL asked every time, or the base URL when a template is given
     * @param template    null, or a path with {knownAt} and {year} (a distinct question each time)
     * @param auth        the Authorization header value, if the API wants one
     */
    Result run(String url, String template, int threads, int connections, int seconds, Optional<String> auth)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "60s", "-s", script));
        auth.ifPresent(value -> command.addAll(List.of("-H", "Authorization: " + value)));
        command.add(url);
        if (template != null) {
            command.addAll(List.of("--", template, Long.toString(System.currentTimeMillis() / 1000),
                    Integer.toString(threads)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed on " + url + ": " + output);
        }
        String line = output.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result for " + url + ": " + output));
        JsonNode r = Http.MAPPER.readTree(line.substring(6));
        long requests = r.path("requests").asLong();
        // Without a single answer wrk reports latencies of 0: they are unknown, not fast.
        double unknown = requests == 0 ? Double.NaN : 1;
        return new Result(requests, r.path("duration_us").asLong() / 1e6,
                unknown * r.path("p50_us").asLong() / 1e3, unknown * r.path("p90_us").asLong() / 1e3,
                unknown * r.path("p99_us").asLong() / 1e3, unknown * r.path("max_us").asLong() / 1e3,
                r.path("connect_errors").asLong() + r.path("read_errors").asLong() + r.path("write_errors").asLong()
                        + r.path("timeouts").asLong(), r.path("status_errors").asLong());
    }

    static String base(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
