package io.citykpi.gateway.query;

import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.ledger.LedgerEntry;
import io.citykpi.gateway.ledger.LedgerRow;
import io.citykpi.gateway.ledger.LedgerStorageException;
import io.citykpi.gateway.ledger.LedgerTables;
import io.citykpi.gateway.period.Window;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Reads KPI figures from the ledger's pre-aggregates: one indexed query for any number of windows of a
 * question (the period, the same period a year earlier, every month of a series), summing the buckets
 * before each cut-off. A known-at question adds the buckets recorded before its moment and, for the
 * moment's own day, the rows recorded or superseded since the day began.
 */
@ApplicationScoped
public class LedgerReads {

    private final DataSource dataSource;

    public LedgerReads(ReadSide reads) {
        this.dataSource = reads.dataSource();
    }

    /** Per window: per KPI, per org unit (only the units contributions were recorded for), the figure. */
    public Map<Window, Map<String, Map<String, Figure>>> figures(LedgerTables t, List<Window> windows,
                                                                 OffsetDateTime knownAt, Collection<String> kpiIds) {
        Map<Window, Map<String, Map<String, Figure>>> out = new HashMap<>();
        List<Window> started = new ArrayList<>();
        for (Window w : windows) {
            out.put(w, new HashMap<>());
            if (!w.notStarted()) {
                started.add(w);
            }
        }
        if (started.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection()) {
            for (Bucket b : buckets(c, t, started, knownAt, kpiIds)) {
                for (Window w : started) {
                    if (b.countsIn(w)) {
                        add(out.get(w), b.kpiId, b.orgUnit, new Figure(b.numerator, b.denominator, b.records(w), b.newestAt));
                    }
                }
            }
            if (knownAt != null) {
                for (RawRow r : rawRowsOfTheDay(c, t, knownAt, kpiIds)) {
                    for (Window w : started) {
                        if (r.row.countsIn(w)) {
                            LedgerEntry e = r.row.entry();
                            Figure f = new Figure(e.numerator(), e.denominator() == null ? BigDecimal.ZERO : e.denominator(),
                                    r.row.recordsIn(w.period().kind()), r.sign > 0 ? e.newestAt() : null);
                            add(out.get(w), e.kpiId(), e.orgUnit(), r.sign > 0 ? f : negate(f));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not read KPI figures from " + t.totals(), e);
        }
        return out;
    }

    /** A bucket of the pre-aggregates, summed over the recording buckets the question may know. */
    private record Bucket(String kpiId, String orgUnit, int scopeYear, int occMonth, char cutGrain, LocalDate cutBucket,
                          BigDecimal numerator, BigDecimal denominator, long recordsYear, long recordsQuarter,
                          long recordsMonth, OffsetDateTime newestAt) {

        boolean countsIn(Window w) {
            if (scopeYear != 0 && scopeYear != w.year()) {
                return false;
            }
            if (occMonth != 0 && (occMonth < yyyymm(w.start()) || occMonth > yyyymm(w.end()))) {
                return false;
            }
            LocalDate cutoff = w.cutoff();
            boolean yearEnds = cutoff.getMonthValue() == 12 && cutoff.getDayOfMonth() == 31;
            boolean monthEnds = cutoff.equals(YearMonth.from(cutoff).atEndOfMonth());
            return switch (cutGrain) {
                case 'Y' -> cutBucket.getYear() < cutoff.getYear() || yearEnds && cutBucket.getYear() == cutoff.getYear();
                case 'M' -> !yearEnds && cutBucket.getYear() == cutoff.getYear()
                        && (cutBucket.getMonthValue() < cutoff.getMonthValue()
                        || monthEnds && cutBucket.getMonthValue() == cutoff.getMonthValue());
                default -> !monthEnds && YearMonth.from(cutBucket).equals(YearMonth.from(cutoff))
                        && !cutBucket.isAfter(cutoff);
            };
        }

        long records(Window w) {
            return switch (w.period().kind()) {
                case YEAR -> recordsYear;
                case QUARTER -> recordsQuarter;
                case MONTH -> recordsMonth;
            };
        }
    }

    private List<Bucket> buckets(Connection c, LedgerTables t, List<Window> windows, OffsetDateTime knownAt,
                                 Collection<String> kpiIds) throws SQLException {
        LocalDate yearsBefore = LocalDate.MIN;
        LocalDate monthsFrom = LocalDate.MAX;
        LocalDate monthsBefore = LocalDate.MIN;
        int occFrom = Integer.MAX_VALUE;
        Set<Integer> years = new TreeSet<>();
        Set<LocalDate[]> dayRanges = new LinkedHashSet<>();
        Set<LocalDate> partialCutoffs = new TreeSet<>();
        for (Window w : windows) {
            LocalDate cutoff = w.cutoff();
            LocalDate nextYear = LocalDate.of(cutoff.getYear() + 1, 1, 1);
            yearsBefore = max(yearsBefore, nextYear);
            monthsFrom = min(monthsFrom, cutoff.withDayOfYear(1));
            monthsBefore = max(monthsBefore, cutoff.withDayOfMonth(1).plusMonths(1));
            if (!cutoff.equals(YearMonth.from(cutoff).atEndOfMonth()) && partialCutoffs.add(cutoff)) {
                dayRanges.add(new LocalDate[] {cutoff.withDayOfMonth(1), cutoff});
            }
            occFrom = Math.min(occFrom, yyyymm(w.start()));
            years.add(w.year());
        }
        StringBuilder sql = new StringBuilder("select kpi_id, org_unit, scope_year, occ_month, cut_grain, cut_bucket, "
                + "sum(numerator), sum(denominator), sum(records_y), sum(records_q), sum(records_m), max(newest_at) from ")
                .append(t.totals()).append(" where ((cut_grain = 'Y' and cut_bucket < ?) or (cut_grain = 'M' and cut_bucket >= ? and cut_bucket < ?)");
        List<Object> params = new ArrayList<>(List.of(yearsBefore, monthsFrom, monthsBefore));
        for (LocalDate[] range : dayRanges) {
            sql.append(" or (cut_grain = 'D' and cut_bucket between ? and ?)");
            params.add(range[0]);
            params.add(range[1]);
        }
        sql.append(") and (occ_month = 0 or occ_month >= ?) and scope_year = any(?)");
        params.add(occFrom);
        List<Integer> scopes = new ArrayList<>(years);
        scopes.add(0);
        params.add(new Object[] {"int2", scopes.toArray()});
        if (knownAt == null) {
            sql.append(" and rec_grain = 'Y'");
        } else {
            LocalDate day = knownAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
            sql.append(" and ((rec_grain = 'Y' and rec_bucket < ?) or (rec_grain = 'M' and rec_bucket >= ? and rec_bucket < ?)"
                    + " or (rec_grain = 'D' and rec_bucket >= ? and rec_bucket < ?))");
            params.addAll(List.of(day.withDayOfYear(1), day.withDayOfYear(1), day.withDayOfMonth(1),
                    day.withDayOfMonth(1), day));
        }
        if (kpiIds != null) {
            sql.append(" and kpi_id = any(?)");
            params.add(new Object[] {"text", kpiIds.toArray()});
        }
        sql.append(" group by kpi_id, org_unit, scope_year, occ_month, cut_grain, cut_bucket");
        List<Bucket> buckets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime newest = rs.getObject(12, OffsetDateTime.class);
                    buckets.add(new Bucket(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getString(5).charAt(0), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            newest == null ? null : newest.withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
        }
        return buckets;
    }

    /** A row recorded (+) or superseded (-) on the known-at moment's own day, up to that moment. */
    private record RawRow(LedgerRow row, int sign) {
    }

    private List<RawRow> rawRowsOfTheDay(Connection c, LedgerTables t, OffsetDateTime knownAt, Collection<String> kpiIds)
            throws SQLException {
        OffsetDateTime dayStart = knownAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDate()
                .atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        String sql = "select kpi_id, org_unit, scope_year, occurred_on, until_period_end, valid_from, valid_to, numerator, "
                + "denominator, record_flags, newest_at, recorded_at, superseded_at from " + t.rows()
                + " where ((recorded_at >= ? and recorded_at <= ?) or (superseded_at >= ? and superseded_at <= ?))"
                + (kpiIds != null ? " and kpi_id = any(?)" : "");
        List<RawRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, dayStart);
            ps.setObject(2, knownAt);
            ps.setObject(3, dayStart);
            ps.setObject(4, knownAt);
            if (kpiIds != null) {
                ps.setArray(5, c.createArrayOf("text", kpiIds.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime newest = rs.getObject(11, OffsetDateTime.class);
                    LedgerEntry entry = new LedgerEntry(rs.getString(1), rs.getString(2), "", "", "", rs.getInt(3),
                            rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getInt(10), List.of(), newest == null ? null : newest.withOffsetSameInstant(ZoneOffset.UTC),
                            Map.of());
                    LedgerRow row = new LedgerRow(entry, rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
                    OffsetDateTime recorded = rs.getObject(12, OffsetDateTime.class);
                    OffsetDateTime superseded = rs.getObject(13, OffsetDateTime.class);
                    if (!recorded.isBefore(dayStart) && !recorded.isAfter(knownAt)) {
                        rows.add(new RawRow(row, 1));
                    }
                    if (superseded != null && !superseded.isBefore(dayStart) && !superseded.isAfter(knownAt)) {
                        rows.add(new RawRow(row, -1));
                    }
                }
            }
        }
        return rows;
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Object[] typed) {
                ps.setArray(i + 1, c.createArrayOf((String) typed[0], (Object[]) typed[1]));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static void add(Map<String, Map<String, Figure>> byKpi, String kpiId, String orgUnit, Figure figure) {
        byKpi.computeIfAbsent(kpiId, k -> new HashMap<>()).merge(orgUnit, figure, Figure::plus);
    }

    private static Figure negate(Figure f) {
        return new Figure(f.numerator().negate(), f.denominator().negate(), -f.records(), null);
    }

    static int yyyymm(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
