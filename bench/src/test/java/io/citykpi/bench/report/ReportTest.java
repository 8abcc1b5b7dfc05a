package io.citykpi.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.bench.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    private static Figure throughput(double value, double health) {
        return new Figure("reads", "/api/v1/kpis repeated: throughput", value, "req/s", health, "/q/health/live",
                List.of(Goal.ratioAtLeast(0.5)), "wrk -t2 -c8");
    }

    @Test
    void aFigureIsJudgedOnItsRatioOrItsValueAndEveryGoalMustHold() {
        assertEquals(0.25, throughput(2_500, 10_000).ratio());
        assertFalse(throughput(2_500, 10_000).met());
        assertTrue(throughput(6_000, 10_000).met());

        Figure freshness = new Figure("freshness", "p99", 80, "ms", 20.0, "Kafka", List.of(Goal.valueAtMost(100),
                Goal.ratioAtMost(5)), null);
        assertTrue(freshness.met());
        Figure fastButFarFromKafka = new Figure("freshness", "p99", 80, "ms", 10.0, "Kafka", List.of(Goal.valueAtMost(100),
                Goal.ratioAtMost(5)), null);
        assertFalse(fastButFarFromKafka.met());
        assertEquals("≤ 100 ms and ≤ 5×", freshness.formattedGoals());
    }

    @Test
    void withoutABaselineOrAGoalNothingIsClaimed() {
        Figure rss = new Figure("memory", "gateway RSS", 350, "MB", null, null, List.of(), null);
        assertNull(rss.ratio());
        assertNull(rss.met());
        Figure unmeasured = new Figure("reads", "x", Double.NaN, "ms", 3.0, "/q/health/live", List.of(Goal.valueAtMost(50)), null);
        assertNull(unmeasured.met());
        assertEquals("n/a", unmeasured.formattedValue());
    }

    @Test
    void valuesAreReadableAtEveryScale() {
        assertEquals("12,345 req/s", Figure.format(12_345.4, "req/s"));
        assertEquals("42.5 ms", Figure.format(42.46, "ms"));
        assertEquals("0.33 ms", Figure.format(0.334, "ms"));
        assertEquals("0.0005×", new Figure("r", "x", 2.61, "req/s", 5_451.0, "h", List.of(), null).formattedRatio());
    }

    @Test
    void figuresSurviveBetweenStepsAndTheReportShowsEachBesideItsBaseline() throws Exception {
        Path file = dir.resolve("figures.json");
        Figures.open(file).fact("facts", 1_003_412L).add(throughput(2_500, 10_000));
        Figures again = Figures.open(file);
        again.add(throughput(6_000, 10_000)); // a step run again replaces its figure
        assertEquals(1, Figures.open(file).figures().size());
        assertEquals(6_000, Figures.open(file).value("reads", "/api/v1/kpis repeated: throughput"));

        String table = Report.table(Figures.open(file).figures());
        assertTrue(table.contains("/api/v1/kpis repeated: throughput | 6,000 req/s | 10,000 req/s (/q/health/live) | 0.60× | ≥ 0.5× | yes"),
                table);

        Report.run(Settings.of(Map.of("figures", file.toString(), "results-dir", dir.toString(), "date", "2026-12-02",
                "label", "Pre-ledger baseline")), Figures.open(file));
        String md = Files.readString(dir.resolve("2026-12-02-1M.md"));
        assertTrue(md.startsWith("# Benchmark: 1M facts\n\nPre-ledger baseline"), md);
        assertTrue(md.contains("| /api/v1/kpis repeated: throughput | 6,000 req/s | 10,000 req/s (/q/health/live) | 0.60× | ≥ 0.5× | yes |"), md);
        assertTrue(md.contains("| CPU |"), md);
    }

    @Test
    void aRunOnAnEarlierHistoryDescribesItAsTheRunThatWroteIt() {
        Figures generated = Figures.open(dir.resolve("first.json")).fact("facts", 5_000_000L).fact("seed", 1)
                .fact("load at start", "1.0 1.0 1.0");
        Figures later = Figures.open(dir.resolve("second.json")).fact("load at start", "0.5 0.5 0.5");
        later.carryHistoryFrom(generated);
        Figures reread = Figures.open(dir.resolve("second.json"));
        assertEquals(5_000_000L, ((Number) reread.fact("facts")).longValue());
        assertEquals("0.5 0.5 0.5", reread.fact("load at start"));
    }

    @Test
    void anUnmeasuredFigureStaysUnmeasuredBetweenSteps() {
        Path file = dir.resolve("nan.json");
        Figures.open(file).add(new Figure("reads", "slow", Double.NaN, "req/s", 2_000.0, "/q/health/live", List.of(), null));
        Figure read = Figures.open(file).figures().get(0);
        assertTrue(Double.isNaN(read.value()));
        assertNull(read.ratio());
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies l = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            l.add(ms * 1_000_000L);
        }
        assertEquals(50, l.percentileMillis(50));
        assertEquals(99, l.percentileMillis(99));
        assertEquals(100, l.maxMillis());
        assertTrue(Double.isNaN(new Latencies().percentileMillis(99)));
    }

    @Test
    void sizesReadAndPrintTheWayPeopleWriteThem() {
        assertEquals(1_000_000, Settings.parseCount("1M"));
        assertEquals(50_000, Settings.parseCount("50k"));
        assertEquals(2_500_000, Settings.parseCount("2.5m"));
        assertEquals("5M", Settings.formatCount(5_000_000));
        assertEquals("1.2M", Settings.formatCount(1_200_000));
        assertEquals("50k", Settings.formatCount(Report.roundForName(49_870)));
    }
}
