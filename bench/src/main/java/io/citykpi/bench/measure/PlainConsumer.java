package io.citykpi.bench.measure;

import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import io.citykpi.bench.kafka.KafkaSettings;
import io.citykpi.bench.report.Figures;
import io.citykpi.shared.event.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code consume}: the baseline for ingest and rebuild. A plain consumer with the gateway's client
 * settings reads every domain topic from the beginning to where it ends now and does nothing with
 * the records: how fast this broker hands them out on this machine.
 */
public final class PlainConsumer {

    public static final List<String> DOMAIN_TOPICS = List.of(Topics.PROJECTS, Topics.INVESTMENT, Topics.LIVELIHOOD,
            Topics.SAFETY_INSPECTION);
    static final String FACT = "plain consumer events/s";

    private PlainConsumer() {
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        double rate = measure(new KafkaSettings(settings));
        figures.fact(FACT, Math.round(rate));
    }

    /** Events per second; reads each domain topic once from its beginning. */
    static double measure(KafkaSettings kafka) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> end = endOffsets(kafka, DOMAIN_TOPICS);
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            throw new IllegalStateException("the domain topics are empty: generate first");
        }
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer("citykpi-bench-plain-consumer", Map.of())) {
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long read = 0;
            long started = System.nanoTime();
            while (read < total) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
                if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                    throw new IllegalStateException("the plain consumer read only " + read + " of " + total + " in 30 min");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Log.info("Plain consumer read %,d events in %.1f s: %,.0f events/s", read, seconds, read / seconds);
            return read / seconds;
        }
    }

    /** Where each partition of {@code topics} ends now. */
    public static Map<TopicPartition, Long> endOffsets(KafkaSettings kafka, List<String> topics)
            throws InterruptedException, ExecutionException {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** Records on the domain topics now (what the gateway has applied once it has caught up). */
    public static long recordsOnDomainTopics(KafkaSettings kafka) throws InterruptedException, ExecutionException {
        return endOffsets(kafka, DOMAIN_TOPICS).values().stream().mapToLong(Long::longValue).sum();
    }
}
