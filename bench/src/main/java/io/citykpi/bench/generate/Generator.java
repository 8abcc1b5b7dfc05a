package io.citykpi.bench.generate;

import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import io.citykpi.bench.kafka.KafkaSettings;
import io.citykpi.bench.report.Figures;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.event.Topics;
import io.citykpi.shared.time.BusinessTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * {@code generate}: writes a city's history ({@link CityHistory}) straight onto the four domain
 * topics, as fast as the broker takes it (large compressed batches). Options: {@code --facts}
 * (events to write, e.g. 1M), {@code --seed} (1), {@code --years} (5, ending yesterday),
 * {@code --until} (the day after the last day of history, default today in Asia/Shanghai),
 * {@code --partitions} (3, for topics it has to create), the Kafka options of {@link KafkaSettings}.
 */
public final class Generator {

    static final List<String> DOMAIN_TOPICS = List.of(Topics.PROJECTS, Topics.INVESTMENT, Topics.LIVELIHOOD,
            Topics.SAFETY_INSPECTION);

    private Generator() {
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        long facts = settings.number("facts", 50_000);
        long seed = settings.number("seed", 1);
        LocalDate until = settings.optional("until").map(LocalDate::parse).orElse(LocalDate.now(BusinessTime.ZONE));
        LocalDate from = until.minusYears(settings.number("years", 5)).withDayOfYear(1).plusYears(1);
        KafkaSettings kafka = new KafkaSettings(settings);
        ensureTopics(kafka, (int) settings.number("partitions", 3));

        long started = System.nanoTime();
        CityHistory history = new CityHistory(seed, from, until, 1.0);
        history = history.withScale(history.scaleFor(facts));
        Log.info("History %s .. %s (seed %d): scale %.3f for about %,d events (worked out in %.1f s)", from,
                until.minusDays(1), seed, history.scale(), facts, (System.nanoTime() - started) / 1e9);

        Map<String, LongAdder> byType = new ConcurrentHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        long writing = System.nanoTime();
        long[] lastReport = {writing};
        try (KafkaProducer<String, byte[]> producer = kafka.producer("citykpi-bench-generator", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 50,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024))) {
            long written = history.write((topic, event) -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("Kafka refused an event", failure.get());
                }
                producer.send(CloudEventKafkaBinding.toRecord(topic, event, EventPayloads.payload(event)), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                byType.computeIfAbsent(event.type(), k -> new LongAdder()).increment();
                long n = sent.incrementAndGet();
                long now = System.nanoTime();
                if (now - lastReport[0] > 10_000_000_000L) {
                    lastReport[0] = now;
                    Log.info("  %,d events written (%,.0f/s), recorded up to %s", n, n / ((now - writing) / 1e9),
                            event.time().toLocalDate());
                }
            });
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka refused an event", failure.get());
            }
            double seconds = (System.nanoTime() - writing) / 1e9;
            Log.info("Wrote %,d events onto the domain topics in %.1f s (%,.0f events/s)", written, seconds, written / seconds);
            Map<String, Long> mix = new TreeMap<>();
            byType.forEach((type, count) -> mix.put(type.replaceFirst("^citykpi\\.", "").replaceFirst("\\.v1$", ""), count.sum()));
            figures.fact("facts", written)
                    .fact("seed", seed)
                    .fact("history", from + " .. " + until.minusDays(1))
                    .fact("generation seconds", Math.round(seconds * 10) / 10.0)
                    .fact("generation events/s", Math.round(written / seconds))
                    .fact("event mix", mix);
        }
    }

    /** The topics exist once a domain service has started; when they do not (a bare broker), create them as it would. */
    static void ensureTopics(KafkaSettings kafka, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = DOMAIN_TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(Map.of("retention.ms", "-1"))).toList();
            if (!missing.isEmpty()) {
                Log.info("Creating topics %s", missing.stream().map(NewTopic::name).toList());
                admin.createTopics(missing).all().get();
            }
        }
    }
}
