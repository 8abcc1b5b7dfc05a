package io.citykpi.gateway.ledger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.EventSender;
import io.citykpi.gateway.RandomCity;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.figures.Figures;
import io.citykpi.gateway.investment.InvestmentMeasures;
import io.citykpi.gateway.livelihood.LivelihoodMeasures;
import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.projects.ProjectMeasures;
import io.citykpi.gateway.query.LedgerQueries;
import io.citykpi.gateway.reference.KpiEngine;
import io.citykpi.gateway.safety.SafetyMeasures;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.Topics;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The ledger against the replay engine through the real ingest path: random cities of several seeds
 * (all four domains, corrections, cancellations, late arrivals, re-deliveries) and poison records go
 * through Kafka into the gateway; then every KPI of every unit for sampled periods, as-of dates and
 * known-at moments must equal what the replay computes from the same events. The cities lie in
 * 2010–2015, a stretch of time no other test writes to, so the replay can be given exactly their facts.
 */
@QuarkusTest
class LedgerVersusReplayTest {

    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final long[] SEEDS = {11, 12, 13};
    private static final int EVENTS_PER_SEED = 3_600;

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Inject
    LedgerQueries ledger;

    @Inject
    KpiCatalogue catalogue;

    @Inject
    OrgUnitRegistry units;

    @Test
    void everyKpiOfEveryUnitIsWhatTheReplayComputes() {
        List<Fact> facts = new ArrayList<>();
        List<CloudEvent> arrival = new ArrayList<>();
        Map<UUID, Fact> byId = new LinkedHashMap<>();
        long sequence = 0;
        for (int i = 0; i < SEEDS.length; i++) {
            RandomCity city = new RandomCity(SEEDS[i], 2010 + 2 * i);
            for (CloudEvent event : city.arrivalOrder(city.events(EVENTS_PER_SEED))) {
                arrival.add(event);
                if (!byId.containsKey(event.id())) {
                    Fact fact = DomainEvents.fact(event, ++sequence);
                    byId.put(event.id(), fact);
                    facts.add(fact);
                }
            }
        }
        assertTrue(facts.size() >= 10_000, "at least 10,000 distinct events: " + facts.size());
        List<CloudEvent> poison = poison();
        long before = eventsApplied();
        try (EventSender sender = new EventSender(bootstrapServers)) {
            sender.send(arrival.subList(0, arrival.size() / 2));
            sender.send(poison);
            sender.sendRaw("garbage", "{not json");
            sender.send(arrival.subList(arrival.size() / 2, arrival.size()));
        }
        long expected = before + arrival.size() + poison.size() + 1;
        Instant deadline = Instant.now().plus(WAIT);
        while (eventsApplied() < expected && Instant.now().isBefore(deadline)) {
            sleep(500);
        }
        assertTrue(eventsApplied() >= expected, "every record consumed: " + eventsApplied() + " of " + expected);

        KpiEngine reference = new KpiEngine(catalogue.all(), units,
                List.of(new ProjectMeasures(), new InvestmentMeasures(), new LivelihoodMeasures(), new SafetyMeasures()));
        Random questions = new Random(42);
        List<String> mismatches = new ArrayList<>();
        for (int q = 0; q < 45; q++) {
            int firstYear = 2010 + 2 * questions.nextInt(SEEDS.length);
            Window window = window(questions, firstYear);
            OffsetDateTime knownAt = questions.nextInt(3) == 0 ? null
                    : facts.get(questions.nextInt(facts.size())).recordedAt().plusSeconds(questions.nextInt(3) - 1);
            List<Fact> known = facts.stream().filter(f -> knownAt == null || !f.recordedAt().isAfter(knownAt)).toList();
            KpiEngine.Results want = reference.compute(known, window);
            Figures got = ledger.figures(List.of(window), knownAt, null).get(window);
            for (KpiDefinition kpi : catalogue.all()) {
                for (OrgUnit unit : units.all()) {
                    Figure w = want.get(kpi.id(), unit.code());
                    Figure g = got.get(kpi.id(), unit.code());
                    if (w.numerator().compareTo(g.numerator()) != 0 || w.denominator().compareTo(g.denominator()) != 0
                            || w.records() != g.records() || !same(w.value(kpi), g.value(kpi))) {
                        mismatches.add(window.period() + " asOf " + window.asOf() + " knownAt " + knownAt + " " + kpi.id()
                                + " " + unit.code() + ": replay " + w + ", ledger " + g);
                    }
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " differences, first:\n"
                + String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size()))));

        // What the API serves is the same ledger: one report over HTTP.
        Window year = new Window(Period.year(2011), LocalDate.of(2011, 9, 30));
        KpiEngine.Results want = reference.compute(facts, year);
        List<Map<String, Object>> served = given().queryParam("year", 2011).queryParam("asOf", "2011-09-30")
                .queryParam("orgUnit", "220421").when().get("/api/v1/kpis").then().statusCode(200)
                .extract().jsonPath().getList("kpis");
        for (Map<String, Object> kpi : served) {
            KpiDefinition definition = catalogue.find((String) kpi.get("id")).orElseThrow();
            BigDecimal value = want.get(definition.id(), "220421").value(definition);
            Object got = kpi.get("value");
            assertTrue(same(value, got == null ? null : new BigDecimal(got.toString())),
                    definition.id() + ": served " + got + ", replay " + value);
        }

        java.util.Set<String> keys = new java.util.HashSet<>(List.of("garbage"));
        poison.forEach(p -> keys.add(p.subject()));
        List<String> reasons = TopicReader.read(bootstrapServers, Topics.DEAD_LETTER, r -> keys.contains(r.key()),
                        keys.size(), Duration.ofSeconds(30)).stream()
                .map(r -> new String(r.headers().lastHeader(io.citykpi.gateway.ingest.DeadLetters.REASON).value()))
                .toList();
        assertEquals(keys.size(), reasons.size(), "each poison record parked once: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("0000-02-29") || r.contains("effectiveDate")),
                "a fact from year 0 is parked, not placed in time: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("deadline")), "an impossible deadline is parked: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("unknown organisation unit")), "a foreign unit: " + reasons);
    }

    /** Records no KPI may use: each must be parked, none may stop ingest or break a question. */
    private static List<CloudEvent> poison() {
        DomainEvents events = new DomainEvents();
        List<CloudEvent> poison = new ArrayList<>();
        CloudEvent yearZero = events.newProject("220402", "900", LocalDate.of(2010, 3, 1));
        ((ObjectNode) yearZero.data()).put("effectiveDate", "0000-02-29");
        poison.add(yearZero);
        CloudEvent farDeadline = events.hazardFound(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "220403",
                "MAJOR", LocalDate.of(2011, 1, 10), LocalDate.of(2011, 1, 1));
        ((ObjectNode) farDeadline.data()).put("deadline", "+57358-01-10");
        poison.add(farDeadline);
        CloudEvent foreign = events.newProject("999999", "900", LocalDate.of(2010, 3, 1));
        ((ObjectNode) foreign.data()).put("orgUnit", "999999");
        poison.add(foreign);
        CloudEvent noAmount = events.fixedAssetInvestment("220421", java.time.YearMonth.of(2011, 4), "10", null, null);
        ((ObjectNode) noAmount.data()).put("amount", "lots");
        poison.add(noAmount);
        return poison;
    }

    private static Window window(Random random, int firstYear) {
        int year = firstYear + random.nextInt(2);
        Period period = switch (random.nextInt(3)) {
            case 0 -> Period.year(year);
            case 1 -> new Period(Period.Kind.QUARTER, year, 1 + random.nextInt(4));
            default -> new Period(Period.Kind.MONTH, year, 1 + random.nextInt(12));
        };
        return new Window(period, LocalDate.of(firstYear, 1, 1).minusDays(15).plusDays(random.nextInt(760)));
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static long eventsApplied() {
        List<Map<String, Object>> generations = given().when().get("/api/v1/admin/projection")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return generations.stream().filter(g -> "ACTIVE".equals(g.get("state")))
                .mapToLong(g -> ((Number) g.get("eventsApplied")).longValue()).findFirst().orElse(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
