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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code rebuild}: asks the gateway to rebuild its projection from the topics
 * ({@code POST /api/v1/admin/projection/rebuild}) and records how many events per second the new
 * generation took from request to activation (the gateway's own timestamps), against a plain
 * consumer reading the same topics just before. Goal: at least 0.3× the plain consumer.
 */
public final class Rebuild {

    private Rebuild() {
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        KafkaSettings kafka = new KafkaSettings(settings);
        double plain = PlainConsumer.measure(kafka);
        figures.fact(PlainConsumer.FACT, Math.round(plain));
        Http http = new Http(settings);
        Gateway gateway = new Gateway(settings, http);
        Http.Answer answer = http.send("POST", gateway.api() + "/api/v1/admin/projection/rebuild", null);
        if (!answer.ok()) {
            throw new IllegalStateException("rebuild refused: " + answer.status() + " " + answer.body());
        }
        int generation = answer.json().path("generation").asInt();
        Log.info("Rebuild into generation %d requested", generation);
        long deadline = System.nanoTime() + Duration.ofMinutes(settings.number("timeout-minutes", 240)).toNanos();
        long lastLog = System.nanoTime();
        while (true) {
            JsonNode g = gateway.generations().stream().filter(n -> n.path("generation").asInt() == generation)
                    .findFirst().orElseThrow(() -> new IllegalStateException("generation " + generation + " disappeared"));
            if (g.path("state").asText().equals("ACTIVE")) {
                long events = g.path("eventsApplied").asLong();
                double seconds = Duration.between(OffsetDateTime.parse(g.path("requestedAt").asText()),
                        OffsetDateTime.parse(g.path("activatedAt").asText())).toMillis() / 1000.0;
                double rate = events / seconds;
                figures.add(new Figure("rebuild", "rebuild: events per second, request to switch-over", rate, "events/s",
                        plain, "plain consumer", List.of(Goal.ratioAtLeast(0.3)),
                        String.format("%,d events in %.1f s", events, seconds)));
                Log.info("Rebuild done: %,d events in %.1f s, %,.0f events/s", events, seconds, rate);
                Gateway.recordRss(settings, figures, "after the rebuild");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild not done before the timeout: " + g);
            }
            if (System.nanoTime() - lastLog > 15_000_000_000L) {
                lastLog = System.nanoTime();
                Log.info("  rebuilding: %,d events applied", g.path("eventsApplied").asLong());
            }
            Thread.sleep(500);
        }
    }
}
