package io.citykpi.bench.measure;

import io.citykpi.bench.Gateway;
import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import io.citykpi.bench.http.Http;
import io.citykpi.bench.kafka.KafkaSettings;
import io.citykpi.bench.report.Figure;
import io.citykpi.bench.report.Figures;
import io.citykpi.bench.report.Goal;
import io.citykpi.bench.report.Latencies;
import io.citykpi.shared.time.BusinessTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code reads}: throughput and latency of the gateway's KPI endpoints, each beside /q/health/live
 * (the trivial endpoint) on the same gateway, in three ways:
 * <ul>
 *   <li>{@code repeated}: the same question again and again;</li>
 *   <li>{@code after-events}: current knowledge while new events arrive: throughput under a stream of
 *       {@code --background-rate} events/s, and the latency of a question asked right after a batch of
 *       new events has been applied (each sample waits for it: {@code --after-events-requests}, 40);</li>
 *   <li>{@code known-at}: a question nobody asked before, a past bulletin reproduced with a distinct
 *       {@code knownAt} each time.</li>
 * </ul>
 * Throughput comes from wrk with {@code --threads} (2) and {@code --connections} (8) for
 * {@code --read-seconds} (10); latency from one connection asking one question at a time, so it is the
 * time of the answer, not of the queue. {@code --modes} picks some of the three; {@code --wrk}, {@code --lua}.
 */
public final class Reads {

    record Endpoint(String name, String path, String template) {
    }

    private final Settings settings;
    private final Figures figures;
    private final Gateway gateway;
    private final Http http;
    private final Wrk wrk;
    private final int seconds;
    private final int threads;
    private final int connections;

    private Reads(Settings settings, Figures figures) {
        this.settings = settings;
        this.figures = figures;
        this.http = new Http(settings);
        this.gateway = new Gateway(settings, http);
        this.wrk = new Wrk(settings.text("wrk", "wrk"), settings.text("lua", "bench/wrk/report.lua"));
        this.seconds = (int) settings.number("read-seconds", 10);
        this.threads = (int) settings.number("threads", 2);
        this.connections = (int) settings.number("connections", 8);
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        new Reads(settings, figures).measure();
    }

    static List<Endpoint> endpoints(int year) {
        return List.of(
                new Endpoint("/api/v1/kpis", "/api/v1/kpis?year=" + year + "&orgUnit=220400",
                        "/api/v1/kpis?year={year}&orgUnit=220400&knownAt={knownAt}"),
                new Endpoint("/api/v1/kpis/{id}", "/api/v1/kpis/projects.investment-completed?year=" + year,
                        "/api/v1/kpis/projects.investment-completed?year={year}&knownAt={knownAt}"),
                new Endpoint("/api/v1/scorecards/{unit}", "/api/v1/scorecards/220402?year=" + year,
                        "/api/v1/scorecards/220402?year={year}&knownAt={knownAt}"),
                new Endpoint("/api/v1/alerts", "/api/v1/alerts?year=" + year,
                        "/api/v1/alerts?year={year}&knownAt={knownAt}"),
                new Endpoint("/api/v1/reporting-status", "/api/v1/reporting-status?year=" + year,
                        "/api/v1/reporting-status?year={year}&knownAt={knownAt}"),
                // The cockpit's first screen in one call (the API side of issue 19's first-screen time).
                new Endpoint("/api/v1/overview", "/api/v1/overview?year=" + year,
                        "/api/v1/overview?year={year}&knownAt={knownAt}"));
    }

    private void measure() throws Exception {
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        List<String> modes = Arrays.asList(settings.text("modes", "repeated,after-events,known-at").split(","));
        List<Endpoint> endpoints = endpoints(year);
        String health = gateway.management() + "/q/health/live";
        for (Endpoint e : endpoints) {
            Http.Answer answer = http.get(gateway.api() + e.path());
            if (!answer.ok()) {
                throw new IllegalStateException("GET " + e.path() + " answered " + answer.status() + ": " + answer.body());
            }
        }
        Log.info("Reads against %s (trivial endpoint %s): wrk -t%d -c%d for %d s; latency on one connection",
                gateway.api(), health, threads, connections, seconds);

        Wrk.Result quietHealth = null;
        Wrk.Result quietHealthLatency = null;
        if (modes.contains("repeated") || modes.contains("known-at")) {
            load(health, null, 2);
            quietHealth = load(health, null, seconds);
            quietHealthLatency = latency(health, null);
            Log.info("  /q/health/live: %,.0f req/s; one at a time %s", quietHealth.throughput(), quietHealthLatency.describe());
        }
        if (modes.contains("repeated")) {
            for (Endpoint e : endpoints) {
                String url = gateway.api() + e.path();
                load(url, null, 2);
                Wrk.Result loaded = load(url, null, seconds);
                Wrk.Result single = latency(url, null);
                record(e, "repeated", loaded, single.p50(), single.p99(), single.describe(), quietHealth,
                        quietHealthLatency.p50(), quietHealthLatency.p99(), List.of(Goal.ratioAtLeast(0.5)), List.of());
            }
        }
        if (modes.contains("after-events")) {
            afterEvents(endpoints, health);
        }
        if (modes.contains("known-at")) {
            String base = Wrk.base(gateway.api());
            for (Endpoint e : endpoints) {
                load(base, e.template(), 2);
                Wrk.Result loaded = load(base, e.template(), seconds);
                Wrk.Result single = latency(base, e.template());
                record(e, "distinct knownAt", loaded, single.p50(), single.p99(), single.describe(), quietHealth,
                        quietHealthLatency.p50(), quietHealthLatency.p99(), List.of(), List.of(Goal.valueAtMost(500)));
            }
        }
        Gateway.recordRss(settings, figures, "after the reads");
    }

    /** Throughput while events stream in; latency of a question asked right after new events were applied. */
    private void afterEvents(List<Endpoint> endpoints, String health) throws Exception {
        double rate = settings.decimal("background-rate", 20);
        int samples = (int) settings.number("after-events-requests", 40);
        KafkaSettings kafka = new KafkaSettings(settings);
        try (LiveEvents live = new LiveEvents(kafka)) {
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread background = new Thread(() -> {
                long period = (long) (1e9 * LiveEvents.PER_BATCH / rate);
                long next = System.nanoTime();
                while (streaming.get()) {
                    try {
                        live.sendBatch();
                        next += period;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        Log.info("  background events stopped: %s", e.getMessage());
                        return;
                    }
                }
            }, "bench-background-events");
            Wrk.Result healthLoaded;
            try {
                background.start();
                Thread.sleep(2000);
                healthLoaded = load(health, null, seconds);
                List<Wrk.Result> loaded = new ArrayList<>();
                for (Endpoint e : endpoints) {
                    loaded.add(load(gateway.api() + e.path(), null, seconds));
                }
                streaming.set(false);
                background.join();
                Latencies healthLatency = rightAfterEvents(live, health, samples);
                Log.info("  /q/health/live while %.0f events/s arrive: %,.0f req/s; right after new events p99 %.1f ms",
                        rate, healthLoaded.throughput(), healthLatency.percentileMillis(99));
                for (int i = 0; i < endpoints.size(); i++) {
                    Endpoint e = endpoints.get(i);
                    Latencies latency = rightAfterEvents(live, gateway.api() + e.path(), samples);
                    List<Goal> goals = e.name().equals("/api/v1/kpis") ? List.of(Goal.valueAtMost(50))
                            : e.name().equals("/api/v1/kpis/{id}") ? List.of(Goal.valueAtMost(100)) : List.of();
                    record(e, "after new events", loaded.get(i), latency.percentileMillis(50), latency.percentileMillis(99),
                            String.format("%d questions each right after a batch of %d new events was applied, p50 %.1f ms, max %.1f ms; "
                                    + "throughput while %.0f events/s arrive", latency.count(), LiveEvents.PER_BATCH,
                                    latency.percentileMillis(50), latency.maxMillis(), rate),
                            healthLoaded, healthLatency.percentileMillis(50), healthLatency.percentileMillis(99), List.of(), goals);
                }
            } finally {
                streaming.set(false);
                background.interrupt();
            }
        }
    }

    /** Each sample: a batch of new events, wait until the gateway has applied it, then time one GET. */
    private Latencies rightAfterEvents(LiveEvents live, String url, int samples) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            OptionalLong before = gateway.activeEventsApplied();
            live.sendBatch();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (gateway.activeEventsApplied().orElse(0) < before.orElse(0) + LiveEvents.PER_BATCH) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the gateway did not apply new events within 60 s");
                }
                Thread.sleep(5);
            }
            long start = System.nanoTime();
            Http.Answer answer = http.get(url);
            latencies.add(System.nanoTime() - start);
            if (!answer.ok()) {
                throw new IllegalStateException("GET " + url + " answered " + answer.status());
            }
        }
        return latencies;
    }

    private Wrk.Result load(String url, String template, int duration) throws Exception {
        return wrk.run(url, template, threads, connections, duration, http.identity().authorization());
    }

    private Wrk.Result latency(String url, String template) throws Exception {
        return wrk.run(url, template, 1, 1, seconds, http.identity().authorization());
    }

    private void record(Endpoint e, String mode, Wrk.Result loaded, double p50, double p99, String latencyNote,
                        Wrk.Result health, double healthP50, double healthP99, List<Goal> throughputGoals,
                        List<Goal> latencyGoals) {
        String errors = loaded.errors() + loaded.non2xx() == 0 ? ""
                : String.format("; %d errors and %d non-2xx answers under load", loaded.errors(), loaded.non2xx());
        // No answer within the run is not a throughput of zero: the figure is unknown, and the note says why.
        double throughput = loaded.requests() == 0 ? Double.NaN : loaded.throughput();
        String none = loaded.requests() == 0 ? String.format("; no answer within %d s on any of %d connections: "
                + "run longer (--read-seconds) to measure it", seconds, connections) : "";
        figures.add(new Figure("reads", e.name() + " " + mode + ": throughput", throughput, "req/s",
                health.throughput(), "/q/health/live", throughputGoals,
                String.format("wrk -t%d -c%d: %s%s%s", threads, connections, loaded.describe(), errors, none)));
        figures.add(new Figure("reads", e.name() + " " + mode + ": p99", p99, "ms", healthP99, "/q/health/live",
                latencyGoals, latencyNote));
        figures.add(new Figure("reads", e.name() + " " + mode + ": p50", p50, "ms", healthP50, "/q/health/live",
                List.of(), null));
        Log.info("  %s %s: %,.0f req/s (%.3f× health); one at a time p50 %.1f ms, p99 %.1f ms%s", e.name(), mode,
                loaded.throughput(), loaded.throughput() / health.throughput(), p50, p99, errors);
    }
}
