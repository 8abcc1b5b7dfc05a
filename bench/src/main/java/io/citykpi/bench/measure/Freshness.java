package io.citykpi.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code freshness}: how soon a write is visible where a reader sees it. Writes go through the
 * domain APIs at a fixed rate ({@code --rates}, 50,500 per second, for {@code --freshness-seconds},
 * 20), in turn a key project registered, an inspection recorded and a deal signed, spread over the
 * five units; {@code --pollers} (1) readers ask {@code GET /api/v1/kpis} for the city back to back
 * (more readers see sooner, but on two cores they also take the CPU the writes need).
 * {@code --freshness-warm-up} (20) writes of each kind go first, unmeasured. The n-th write of a kind
 * counts as visible when an answer first counts n more of that kind than before the writes
 * (projects.registered, safety.inspections, investment.deals-signed): freshness is from sending the
 * write to receiving that answer. The baseline is Kafka's own produce→consume latency at the same
 * rate on the same broker.
 */
public final class Freshness {

    private static final String[] UNITS = {"220402", "220403", "220421", "220422", "220471"};

    /** A kind of write, the service that takes it and the KPI that counts it. */
    private record Kind(String name, String kpi) {
    }

    private static final List<Kind> KINDS = List.of(new Kind("project", "projects.registered"),
            new Kind("inspection", "safety.inspections"), new Kind("deal", "investment.deals-signed"));

    /** One write of a kind: sent at, and whether the service accepted it. */
    private static final class Write {
        final long sentAt;
        volatile Boolean accepted;

        Write(long sentAt) {
            this.sentAt = sentAt;
        }
    }

    private final Settings settings;
    private final Http http;
    private final Gateway gateway;
    private final Map<String, String> services = new LinkedHashMap<>();
    private final long runId = System.currentTimeMillis() / 1000;
    /** Numbers every write of this run, across rates: project codes must be unique. */
    private final AtomicLong numbered = new AtomicLong();

    private Freshness(Settings settings) {
        this.settings = settings;
        this.http = new Http(settings);
        this.gateway = new Gateway(settings, http);
        services.put("project", settings.text("projects", "http://127.0.0.1:8081") + "/api/v1/projects");
        services.put("inspection", settings.text("safety-inspection", "http://127.0.0.1:8084") + "/api/v1/inspections");
        services.put("deal", settings.text("investment", "http://127.0.0.1:8082") + "/api/v1/deals");
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        Freshness freshness = new Freshness(settings);
        int seconds = (int) settings.number("freshness-seconds", 20);
        KafkaSettings kafka = new KafkaSettings(settings);
        freshness.warmUp((int) settings.number("freshness-warm-up", 20));
        for (String rateText : settings.text("rates", "50,500").split(",")) {
            double rate = Double.parseDouble(rateText.trim());
            Latencies kafkaLatency = KafkaRoundTrip.measure(kafka, rate, Math.min(seconds, 10));
            String rateName = String.format("%.0f writes/s", rate);
            Result result = freshness.measure(rate, seconds);
            List<Goal> p99Goals = rate <= 50 ? List.of(Goal.valueAtMost(100), Goal.ratioAtMost(5))
                    : List.of(Goal.valueAtMost(250));
            String note = result.describe();
            figures.add(new Figure("freshness", "write → visible in /kpis at " + rateName + ": p99",
                    result.visible().percentileMillis(99), "ms", kafkaLatency.percentileMillis(99),
                    "Kafka produce→consume", p99Goals, note));
            figures.add(new Figure("freshness", "write → visible in /kpis at " + rateName + ": p50",
                    result.visible().percentileMillis(50), "ms", kafkaLatency.percentileMillis(50),
                    "Kafka produce→consume", List.of(), null));
        }
    }

    record Result(Latencies visible, Latencies writes, long sent, long accepted, long refused, long skipped,
                  long unseen, double achievedRate, long polls) {
        String describe() {
            return String.format("%,d writes sent at %.0f/s (%,d accepted, %d refused, %d not sent: too many waiting), "
                            + "write answered p99 %.1f ms; %,d seen in %,d answers, %d not seen within 60 s",
                    sent, achievedRate, accepted, refused, skipped, writes.percentileMillis(99), visible.count(), polls, unseen);
        }
    }

    /**
     * A service that has not written for a while answers its first writes slowly (classes loaded,
     * code compiled, connections opened); a backlog built then would be charged to every later write.
     */
    private void warmUp(int writesPerKind) {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        for (int i = 0; i < writesPerKind; i++) {
            for (Kind kind : KINDS) {
                http.send("POST", services.get(kind.name()), body(kind.name(), UNITS[i % UNITS.length],
                        numbered.incrementAndGet(), today));
            }
        }
        Log.info("  warmed up the domain services with %d writes of each kind", writesPerKind);
    }

    private Result measure(double rate, int seconds) throws Exception {
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        String question = gateway.api() + "/api/v1/kpis?year=" + year + "&orgUnit=220400";
        Map<String, Long> before = counts(http.json(question));
        Map<String, List<Write>> writes = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>(); // writes looked at, per kind
        Map<String, Integer> shownSoFar = new LinkedHashMap<>(); // of them, counted as visible
        KINDS.forEach(k -> {
            writes.put(k.name(), java.util.Collections.synchronizedList(new ArrayList<>()));
            seen.put(k.name(), 0);
            shownSoFar.put(k.name(), 0);
        });
        Latencies visible = new Latencies();
        Latencies answered = new Latencies();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong polls = new AtomicLong();
        AtomicInteger waiting = new AtomicInteger();
        AtomicBoolean polling = new AtomicBoolean(true);

        List<Thread> pollers = new ArrayList<>();
        for (int i = 0; i < settings.number("pollers", 1); i++) {
            Thread poller = new Thread(() -> {
                while (polling.get()) {
                    Http.Answer answer;
                    try {
                        answer = http.get(question);
                    } catch (IllegalStateException e) {
                        continue;
                    }
                    long at = System.nanoTime();
                    polls.incrementAndGet();
                    if (!answer.ok()) {
                        continue;
                    }
                    Map<String, Long> now = counts(answer.json());
                    synchronized (seen) {
                        for (Kind kind : KINDS) {
                            long shown = now.get(kind.name()) - before.get(kind.name());
                            List<Write> list = writes.get(kind.name());
                            int index = seen.get(kind.name());
                            int counted = shownSoFar.get(kind.name());
                            while (counted < shown && index < list.size()) {
                                Write w = list.get(index++);
                                if (Boolean.FALSE.equals(w.accepted)) {
                                    continue;
                                }
                                visible.add(at - w.sentAt);
                                counted++;
                            }
                            seen.put(kind.name(), index);
                            shownSoFar.put(kind.name(), counted);
                        }
                    }
                }
            }, "bench-freshness-poller-" + i);
            poller.start();
            pollers.add(poller);
        }

        long total = Math.round(rate * seconds);
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        clock.scheduleAtFixedRate(() -> {
            long n = sent.get();
            if (n >= total) {
                return;
            }
            if (waiting.get() >= 256) {
                skipped.incrementAndGet();
                sent.incrementAndGet();
                return;
            }
            sent.incrementAndGet();
            Kind kind = KINDS.get((int) (n % KINDS.size()));
            String unit = UNITS[(int) (n / KINDS.size() % UNITS.length)];
            Write write = new Write(System.nanoTime());
            writes.get(kind.name()).add(write);
            waiting.incrementAndGet();
            http.sendAsync("POST", services.get(kind.name()), body(kind.name(), unit, numbered.incrementAndGet(), today)).whenComplete((answer, e) -> {
                answered.add(System.nanoTime() - write.sentAt);
                waiting.decrementAndGet();
                boolean ok = e == null && answer.ok();
                write.accepted = ok;
                (ok ? accepted : refused).incrementAndGet();
                if (!ok && refused.get() <= 3) {
                    Log.info("  write refused: %s", e != null ? e.toString() : answer.status() + " " + answer.body());
                }
            });
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        double achieved = total / ((System.nanoTime() - started) / 1e9);
        clock.shutdown();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((waiting.get() > 0 || visible.count() < accepted.get()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        polling.set(false);
        for (Thread poller : pollers) {
            poller.join(120_000);
        }
        Result result = new Result(visible, answered, total, accepted.get(), refused.get(), skipped.get(),
                accepted.get() - visible.count(), achieved, polls.get());
        Log.info("  freshness at %.0f writes/s: p50 %.1f ms, p99 %.1f ms (%s)", rate, visible.percentileMillis(50),
                visible.percentileMillis(99), result.describe());
        return result;
    }

    private static Map<String, Long> counts(JsonNode report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode kpi : report.path("kpis")) {
            for (Kind kind : KINDS) {
                if (kpi.path("id").asText().equals(kind.kpi())) {
                    counts.put(kind.name(), kpi.path("value").asLong(0));
                }
            }
        }
        for (Kind kind : KINDS) {
            if (!counts.containsKey(kind.name())) {
                throw new IllegalStateException("the city's KPI report has no " + kind.kpi());
            }
        }
        return counts;
    }

    private Map<String, Object> body(String kind, String unit, long n, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (kind) {
            case "project" -> {
                body.put("code", "FRESH-" + runId + "-" + n);
                body.put("name", "时效测试项目 " + n);
                body.put("orgUnit", unit);
                body.put("sector", "EQUIPMENT");
                body.put("constructionType", "NEW");
                body.put("totalInvestment", 1000);
            }
            case "inspection" -> {
                body.put("orgUnit", unit);
                body.put("domain", "FIRE");
                body.put("placeType", "ENTERPRISE");
                body.put("placeName", "时效测试检查点 " + runId + "-" + n);
                body.put("inspectedOn", today.toString());
                body.put("team", "时效测试检查组");
                body.put("withExperts", false);
                body.put("hazards", List.of());
            }
            default -> {
                body.put("name", "时效测试签约项目 " + runId + "-" + n);
                body.put("investor", "时效测试投资方");
                body.put("investorOrigin", "浙江省");
                body.put("orgUnit", unit);
                body.put("sector", "NEW_MATERIALS");
                body.put("signedOn", today.toString());
                body.put("contractAmount", 2000);
            }
        }
        return body;
    }
}
