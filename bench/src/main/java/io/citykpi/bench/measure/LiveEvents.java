package io.citykpi.bench.measure;

import io.citykpi.bench.generate.EventPayloads;
import io.citykpi.bench.kafka.KafkaSettings;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.event.Topics;
import io.citykpi.shared.time.BusinessTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * New events as they happen today, straight onto the topics, so that every KPI read finds something
 * new: each batch registers a key project and reports its investment, records an inspection and
 * receives a hotline case, all in 龙山区 (220402) and so also in the city's figures.
 */
final class LiveEvents implements AutoCloseable {

    static final int PER_BATCH = 4;

    private final KafkaProducer<String, byte[]> producer;
    private final EventPayloads payloads = new EventPayloads(System.nanoTime());
    private final AtomicLong numbered = new AtomicLong();

    LiveEvents(KafkaSettings kafka) {
        this.producer = kafka.producer("citykpi-bench-live-events", Map.of());
    }

    /** Sends one batch and waits until the broker has it. */
    void sendBatch() throws InterruptedException, ExecutionException {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        long n = numbered.incrementAndGet();
        UUID project = payloads.nextId();
        String code = "BENCH-" + (System.currentTimeMillis() / 1000) + "-" + n;
        BigDecimal total = new BigDecimal("1200.00");
        BigDecimal amount = new BigDecimal("35.50");
        List<Object[]> batch = List.of(
                new Object[] {Topics.PROJECTS, payloads.projectRegistered(now, project, code, "基准测试项目 " + code, "220402",
                        "EQUIPMENT", "NEW", total, "PREPARATION", null, today)},
                new Object[] {Topics.PROJECTS, payloads.projectInvestment(now, project, code, "220402",
                        YearMonth.from(today).minusMonths(1), amount, null, amount, total, today)},
                new Object[] {Topics.SAFETY_INSPECTION, payloads.inspectionRecorded(now, payloads.nextId(), "220402", "FIRE",
                        "ENTERPRISE", "基准测试检查点 " + n, false, 0, today)},
                new Object[] {Topics.LIVELIHOOD, payloads.caseReceived(now, "BENCH-" + code, "220402", "ENQUIRY", false, now,
                        now.plusSeconds(86_400), now.plusSeconds(3 * 86_400))});
        var futures = batch.stream().map(e -> {
            CloudEvent event = (CloudEvent) e[1];
            return producer.send(CloudEventKafkaBinding.toRecord((String) e[0], event, EventPayloads.payload(event)));
        }).toList();
        for (var future : futures) {
            future.get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
