package io.citykpi.bench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.testkit.AsyncApiContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CityHistoryTest {

    private static final CityHistory HISTORY = new CityHistory(7, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 12, 1), 1);
    private static final List<Written> EVENTS = new ArrayList<>();

    record Written(String topic, CloudEvent event) {
    }

    @BeforeAll
    static void generate() {
        CityHistory history = HISTORY.withScale(HISTORY.scaleFor(10_000));
        history.write((topic, event) -> EVENTS.add(new Written(topic, event)));
    }

    @Test
    void everyEventIsOneTheAsyncApiDocumentDescribesOnItsTopic() {
        AsyncApiContract contract = AsyncApiContract.load();
        Map<String, String> firstProblemByType = new TreeMap<>();
        Map<String, Integer> checked = new HashMap<>();
        for (Written w : EVENTS) {
            if (checked.merge(w.event().type(), 1, Integer::sum) > 25) {
                continue; // the contract is per type: 25 of each, with their optional fields both set and null
            }
            ProducerRecord<String, byte[]> out = CloudEventKafkaBinding.toRecord(w.topic(), w.event(), EventPayloads.payload(w.event()));
            ConsumerRecord<String, byte[]> in = new ConsumerRecord<>(w.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
                    out.key(), out.value(), out.headers(), java.util.Optional.empty());
            List<String> problems = contract.violations(in);
            if (!problems.isEmpty()) {
                firstProblemByType.putIfAbsent(w.event().type(), problems + " in " + w.event().data());
            }
        }
        assertEquals(Map.of(), firstProblemByType);
    }

    @Test
    void aboutTheSizeAskedForMostlyHotlineCasesWithEveryDomainAndCorrections() {
        assertTrue(Math.abs(EVENTS.size() - 10_000) < 600, "events: " + EVENTS.size());
        Map<String, Integer> byTopic = new HashMap<>();
        Set<String> types = new HashSet<>();
        for (Written w : EVENTS) {
            byTopic.merge(w.topic(), 1, Integer::sum);
            types.add(w.event().type().replaceFirst("^citykpi\\.[a-z-]+\\.", "").replaceFirst("\\.v1$", ""));
        }
        assertTrue(byTopic.get("citykpi.livelihood.v1") > EVENTS.size() * 0.6, "livelihood: " + byTopic);
        assertEquals(4, byTopic.size(), byTopic.toString());
        for (String expected : List.of("hotline-case-received", "hotline-case-accepted", "hotline-case-resolved",
                "hotline-case-feedback-recorded", "hotline-case-sent-back", "project-registered", "project-plan-set",
                "project-stage-changed", "project-investment-reported", "project-investment-corrected",
                "project-statistically-registered", "deal-signed", "funds-arrived", "deal-status-changed",
                "fixed-asset-investment-reported", "fixed-asset-investment-corrected", "programme-created",
                "programme-progress-reported", "assistance-reported", "employment-reported", "inspection-recorded",
                "hazard-found", "hazard-rectified", "hazard-verified", "hazard-overdue", "hazard-listed",
                "deadline-extension-decided")) {
            assertTrue(types.contains(expected), expected + " missing from " + types);
        }
        long cases = EVENTS.stream().filter(w -> w.event().type().endsWith("hotline-case-received.v1")).count();
        long hotline = EVENTS.stream().filter(w -> w.event().type().contains(".hotline-case-")).count();
        assertTrue(hotline / (double) cases > 3.8 && hotline / (double) cases < 5, "events per case " + hotline / (double) cases);
    }

    @Test
    void eventsComeInTheOrderTheyWereRecordedWithinHistoryAndEachAggregateAfterItsStart() {
        for (int i = 1; i < EVENTS.size(); i++) {
            assertFalse(EVENTS.get(i).event().time().isBefore(EVENTS.get(i - 1).event().time()), "out of order at " + i);
        }
        assertFalse(EVENTS.get(0).event().time().toLocalDate().isBefore(LocalDate.of(2024, 6, 30)));
        assertTrue(EVENTS.get(EVENTS.size() - 1).event().time().toLocalDate().isBefore(LocalDate.of(2025, 12, 1)));
        Set<String> received = new HashSet<>();
        for (Written w : EVENTS) {
            if (w.event().type().endsWith("hotline-case-received.v1")) {
                received.add(w.event().subject());
            } else if (w.event().type().contains(".hotline-case-")) {
                assertTrue(received.contains(w.event().subject()), "case step before receipt: " + w.event());
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameEventsAndAnotherSeedOthers() {
        CityHistory small = new CityHistory(11, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1), 0.2);
        List<CloudEvent> once = new ArrayList<>();
        List<CloudEvent> again = new ArrayList<>();
        List<CloudEvent> other = new ArrayList<>();
        small.write((topic, event) -> once.add(event));
        small.write((topic, event) -> again.add(event));
        new CityHistory(12, small.from(), small.until(), small.scale()).write((topic, event) -> other.add(event));
        assertEquals(once, again);
        assertFalse(once.get(0).id().equals(other.get(0).id()));
    }
}
