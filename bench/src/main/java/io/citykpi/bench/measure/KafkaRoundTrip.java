package io.citykpi.bench.measure;

import io.citykpi.bench.Log;
import io.citykpi.bench.kafka.KafkaSettings;
import io.citykpi.bench.report.Latencies;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The baseline of freshness: Kafka's own produce→consume latency on the same broker, with the
 * services' producer settings and the gateway's consumer settings, on a topic of the bench's own
 * ({@code citykpi.bench.round-trip}), at the same rate as the writes it is compared with.
 */
final class KafkaRoundTrip {

    static final String TOPIC = "citykpi.bench.round-trip";

    private KafkaRoundTrip() {
    }

    static Latencies measure(KafkaSettings kafka, double perSecond, int seconds) throws Exception {
        try (Admin admin = kafka.admin()) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1).configs(Map.of("retention.ms", "3600000"))))
                        .all().get();
            }
        }
        Latencies latencies = new Latencies();
        long total = Math.round(perSecond * seconds);
        AtomicLong received = new AtomicLong();
        AtomicBoolean ready = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = kafka.consumer("citykpi-bench-round-trip", Map.of())) {
                List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.set(true);
                long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 30L).toNanos();
                while (received.get() < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        latencies.add(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                        received.incrementAndGet();
                    }
                }
            }
        }, "bench-round-trip-reader");
        reader.start();
        while (!ready.get()) {
            Thread.sleep(10);
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = kafka.producer("citykpi-bench-round-trip", Map.of())) {
            long period = (long) (1e9 / perSecond);
            clock.scheduleAtFixedRate(() -> {
                long n = sent.incrementAndGet();
                if (n <= total) {
                    byte[] value = ByteBuffer.allocate(16).putLong(System.nanoTime()).putLong(n).array();
                    producer.send(new ProducerRecord<>(TOPIC, Long.toString(n), value));
                }
            }, 0, period, TimeUnit.NANOSECONDS);
            reader.join(Duration.ofSeconds(seconds + 40L).toMillis());
        } finally {
            clock.shutdownNow();
        }
        Log.info("  Kafka produce→consume at %.0f/s: %d of %d received, p50 %.1f ms, p99 %.1f ms", perSecond,
                received.get(), total, latencies.percentileMillis(50), latencies.percentileMillis(99));
        return latencies;
    }
}
