package io.citykpi.bench.measure;

import io.citykpi.bench.Gateway;
import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import io.citykpi.bench.http.Http;
import io.citykpi.bench.kafka.KafkaSettings;
import io.citykpi.bench.report.Figure;
import io.citykpi.bench.report.Figures;
import io.citykpi.shared.event.Topics;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code ingest}: watches the gateway catch up with everything on the domain topics (start it just
 * before, on a fresh database) and records the events it applies per second, against the plain
 * consumer's rate ({@code consume}, run before). {@code --started-at} (epoch ms when the gateway was
 * started) adds the time to catch up including start-up; {@code --timeout-minutes} (240) bounds the wait.
 */
public final class Ingest {

    private Ingest() {
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        KafkaSettings kafka = new KafkaSettings(settings);
        Gateway gateway = new Gateway(settings, new Http(settings));
        long target = PlainConsumer.recordsOnDomainTopics(kafka) - deadLetters(kafka);
        long deadline = System.nanoTime() + Duration.ofMinutes(settings.number("timeout-minutes", 240)).toNanos();
        Log.info("Waiting for the gateway to apply the %,d events on the domain topics", target);

        // Timed from the first batch applied after the first answer: start-up is not ingest.
        OptionalLong initial = OptionalLong.empty();
        OptionalLong first = OptionalLong.empty();
        long firstAt = 0;
        long lastLog = System.nanoTime();
        while (true) {
            OptionalLong applied = gateway.activeEventsApplied();
            long now = System.nanoTime();
            if (applied.isPresent() && initial.isEmpty()) {
                initial = applied;
                if (applied.getAsLong() >= target) {
                    Log.info("The gateway had already applied them all (%,d): nothing to catch up", applied.getAsLong());
                    return;
                }
            }
            if (applied.isPresent() && first.isEmpty() && applied.getAsLong() > initial.getAsLong()) {
                first = applied;
                firstAt = now;
            }
            if (first.isPresent() && applied.isPresent() && applied.getAsLong() >= target) {
                double seconds = (now - firstAt) / 1e9;
                double rate = (applied.getAsLong() - first.getAsLong()) / seconds;
                Double plain = number(figures.fact(PlainConsumer.FACT));
                String note = "measured over " + String.format("%,d", applied.getAsLong() - first.getAsLong())
                        + " events in " + String.format("%.0f", seconds) + " s";
                settings.optional("started-at").map(Long::parseLong).ifPresent(startedAt -> {
                    double sinceStart = (System.currentTimeMillis() - startedAt) / 1000.0;
                    figures.fact("ingest: seconds from gateway start to caught up", Math.round(sinceStart));
                });
                figures.add(new Figure("ingest", "ingest: events applied per second while catching up", rate, "events/s",
                        plain, "plain consumer", List.of(), note));
                Log.info("The gateway caught up: %,.0f events/s (%s)", rate, note);
                Gateway.recordRss(settings, figures, "after catching up");
                return;
            }
            if (now > deadline) {
                throw new IllegalStateException("the gateway applied " + applied + " of " + target + " events before the timeout");
            }
            if (now - lastLog > 15_000_000_000L && applied.isPresent()) {
                lastLog = now;
                double rate = first.isPresent() && now > firstAt
                        ? (applied.getAsLong() - first.getAsLong()) / ((now - firstAt) / 1e9) : 0;
                Log.info("  applied %,d of %,d%s", applied.getAsLong(), target, rate <= 0 ? ""
                        : String.format(" (%,.0f events/s, about %.0f s to go)", rate, (target - applied.getAsLong()) / rate));
            }
            Thread.sleep(250);
        }
    }

    /** Records the gateway set aside on its dead-letter topic: never counted as applied. */
    static long deadLetters(KafkaSettings kafka) {
        try {
            return PlainConsumer.endOffsets(kafka, List.of(Topics.DEAD_LETTER)).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return 0; // no dead letter yet: the topic is created with the first one
        }
    }

    static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
