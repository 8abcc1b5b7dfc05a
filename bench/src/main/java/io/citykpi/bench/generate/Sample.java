package io.citykpi.bench.generate;

import io.citykpi.bench.Settings;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code sample}: what the generator writes, without Kafka: the first {@code --count} events (10) of
 * a small history as topic, headers, key and payload, then the mix by event type of a history of
 * {@code --facts} events (20k).
 */
public final class Sample {

    private Sample() {
    }

    public static void run(Settings settings) {
        LocalDate until = LocalDate.parse(settings.text("until", "2026-01-01"));
        CityHistory history = new CityHistory(settings.number("seed", 1),
                until.minusYears(settings.number("years", 2)).withDayOfYear(1).plusYears(1), until, 1);
        history = history.withScale(history.scaleFor(settings.number("facts", 20_000)));
        long show = settings.number("count", 10);
        Map<String, Long> mix = new TreeMap<>();
        long[] n = {0};
        history.write((topic, event) -> {
            if (n[0]++ < show) {
                ProducerRecord<String, byte[]> record = CloudEventKafkaBinding.toRecord(topic, event, EventPayloads.payload(event));
                StringBuilder headers = new StringBuilder();
                record.headers().forEach(h -> headers.append(h.key()).append('=')
                        .append(new String(h.value(), StandardCharsets.UTF_8)).append(' '));
                System.out.printf("%s  key=%s%n  %s%n  %s%n", topic, record.key(), headers.toString().trim(),
                        new String(record.value(), StandardCharsets.UTF_8));
            }
            mix.merge(event.type(), 1L, Long::sum);
        });
        System.out.printf("%n%,d events, %s .. %s, scale %.3f%n", n[0], history.from(), history.until().minusDays(1),
                history.scale());
        mix.forEach((type, count) -> System.out.printf("  %-60s %,9d  %5.1f%%%n", type, count, 100.0 * count / n[0]));
    }
}
