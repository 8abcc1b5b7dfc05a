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
 * before each cut-off. A known-at question sums the buckets recorded before its moment's month and, for
 * that month, the rows recorded or superseded in it up to the moment (grouped in the database).
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
                for (RawRow r : rawRowsOfTheMonth(c, t, knownAt, kpiIds)) {
                    for (Window w : started) {
                        if (r.countsIn(w)) {
                            add(out.get(w), r.kpiId(), r.orgUnit(),
                                    new Figure(r.numerator(), r.denominator(), r.records(w), r.newestAt()));
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
            sql.append(" and ((rec_grain = 'Y' and rec_bucket < ?) or (rec_grain = 'M' and rec_bucket >= ? and rec_bucket < ?))");
            params.addAll(List.of(day.withDayOfYear(1), day.withDayOfYear(1), day.withDayOfMonth(1)));
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

    /**
     * The rows recorded (+) or superseded (-) in the known-at moment's own month up to that moment, grouped
     * in the database by everything that decides whether and how a window counts them.
     */
    private record RawRow(String kpiId, String orgUnit, int scopeYear, LocalDate occurredOn, boolean untilPeriodEnd,
                          LocalDate activeFrom, LocalDate validTo, int flags, BigDecimal numerator,
                          BigDecimal denominator, long rows, OffsetDateTime newestAt) {

        boolean countsIn(Window w) {
            return LedgerRow.countsIn(w, activeFrom, validTo, occurredOn, untilPeriodEnd, scopeYear);
        }

        long records(Window w) {
            int flag = switch (w.period().kind()) {
                case YEAR -> LedgerEntry.IN_YEAR;
                case QUARTER -> LedgerEntry.IN_QUARTER;
                case MONTH -> LedgerEntry.IN_MONTH;
            };
            return (flags & flag) != 0 ? rows : 0;
        }
    }

    private List<RawRow> rawRowsOfTheMonth(Connection c, LedgerTables t, OffsetDateTime knownAt, Collection<String> kpiIds)
            throws SQLException {
        OffsetDateTime monthStart = knownAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDate().withDayOfMonth(1)
                .atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        String recorded = "(recorded_at >= ? and recorded_at <= ?)";
        String superseded = "(superseded_at >= ? and superseded_at <= ?)";
        String sign = "(case when " + recorded + " then 1 else 0 end - case when " + superseded + " then 1 else 0 end)";
        String sql = "select kpi_id, org_unit, scope_year, occurred_on, until_period_end, active_from, valid_to, "
                + "record_flags, sum(" + sign + " * numerator), sum(" + sign + " * coalesce(denominator, 0)), sum(" + sign
                + "), max(case when " + recorded + " then newest_at end) from " + t.rows() + " where (" + recorded
                + " or " + superseded + ")" + (kpiIds != null ? " and kpi_id = any(?)" : "")
                + " group by kpi_id, org_unit, scope_year, occurred_on, until_period_end, active_from, valid_to, record_flags";
        List<RawRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            // The ranges in the order the statement names them: three signs (recorded, superseded each), the
            // newest (recorded), the filter (recorded, superseded).
            for (int range = 0; range < 3 * 2 + 1 + 2; range++) {
                ps.setObject(i++, monthStart);
                ps.setObject(i++, knownAt);
            }
            if (kpiIds != null) {
                ps.setArray(i, c.createArrayOf("text", kpiIds.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime newest = rs.getObject(12, OffsetDateTime.class);
                    rows.add(new RawRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                            rs.getBoolean(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                            rs.getInt(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getLong(11),
                            newest == null ? null : newest.withOffsetSameInstant(ZoneOffset.UTC)));
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
