package io.citykpi.gateway.query;

import io.citykpi.gateway.ledger.LedgerStorageException;
import io.citykpi.gateway.ledger.LedgerTables;
import io.citykpi.gateway.period.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The records behind a KPI value: the ledger rows a window counts, grouped per record (a project's
 * twelve monthly reports are one record), a page at a time, with the ids of the events behind them.
 */
@ApplicationScoped
public class ContributionReads {

    private final DataSource dataSource;

    public ContributionReads(ReadSide reads) {
        this.dataSource = reads.dataSource();
    }

    /** One record's contribution to a KPI in a unit. */
    public record RecordContribution(String orgUnit, String kind, String id, String label, BigDecimal numerator,
                                     BigDecimal denominator, Set<UUID> evidence) {
    }

    /** A page of records, and how many there are in all. */
    public record Page(List<RecordContribution> records, long total) {
    }

    /**
     * The records that contribute to the KPI in the units for the window, as known at the moment (null:
     * now), ordered by unit and label; {@code limit} 0: all of them.
     */
    public Page page(LedgerTables t, String kpiId, Collection<String> units, Window window, OffsetDateTime knownAt,
                     int offset, int limit) {
        if (window.notStarted()) {
            return new Page(List.of(), 0);
        }
        String where = where(t, knownAt);
        String sql = "select org_unit, record_kind, record_id, min(label), sum(numerator), sum(coalesce(denominator, 0)), "
                + "count(*) over () from " + t.rows() + where
                + " group by org_unit, record_kind, record_id order by org_unit, min(label), record_id"
                + (limit > 0 ? " limit " + limit + " offset " + offset : "");
        Map<String, RecordContribution> records = new LinkedHashMap<>();
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(c, ps, kpiId, units, window, knownAt);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordContribution r = new RecordContribution(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), new LinkedHashSet<>());
                        records.put(r.orgUnit() + "|" + r.kind() + "|" + r.id(), r);
                        total = rs.getLong(7);
                    }
                }
            }
            if (!records.isEmpty()) {
                evidence(c, t, kpiId, window, knownAt, records);
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not read contributions from " + t.rows(), e);
        }
        return new Page(new ArrayList<>(records.values()), total);
    }

    private void evidence(Connection c, LedgerTables t, String kpiId, Window window, OffsetDateTime knownAt,
                          Map<String, RecordContribution> records) throws SQLException {
        Set<String> units = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        records.values().forEach(r -> {
            units.add(r.orgUnit());
            ids.add(r.id());
        });
        String sql = "select org_unit, record_kind, record_id, evidence from " + t.rows() + where(t, knownAt)
                + " and record_id = any(?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = bind(c, ps, kpiId, units, window, knownAt);
            ps.setArray(next, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecordContribution r = records.get(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                    Array array = rs.getArray(4);
                    if (r != null && array != null) {
                        for (Object id : (Object[]) array.getArray()) {
                            r.evidence().add((UUID) id);
                        }
                    }
                }
            }
        }
    }

    /** Contributions grouped by one attribute of their records (a sector, a case type...). */
    public record Group(String key, BigDecimal numerator, BigDecimal denominator, long records) {
    }

    /**
     * The contributions a window counts, grouped by a record attribute.
     *
     * @param attribute a name the catalogue lists for the KPI (checked by the caller: it is written into the SQL)
     */
    public List<Group> breakdown(LedgerTables t, String kpiId, Collection<String> units, Window window,
                                 OffsetDateTime knownAt, String attribute) {
        if (!attribute.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("not an attribute name: " + attribute);
        }
        if (window.notStarted()) {
            return List.of();
        }
        int flag = switch (window.period().kind()) {
            case YEAR -> 1;
            case QUARTER -> 2;
            case MONTH -> 4;
        };
        String sql = "select coalesce(attributes->>'" + attribute + "', ''), sum(numerator), "
                + "sum(coalesce(denominator, 0)), sum(case when record_flags & " + flag + " <> 0 then 1 else 0 end) from "
                + t.rows() + where(t, knownAt) + " group by 1 order by 1";
        List<Group> groups = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, kpiId, units, window, knownAt);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new Group(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not read a breakdown from " + t.rows(), e);
        }
        return groups;
    }

    /** The same condition as {@code LedgerRow.countsIn} and {@code RecordedRow.knownAt}, in SQL. */
    private static String where(LedgerTables t, OffsetDateTime knownAt) {
        return " where kpi_id = ? and org_unit = any(?)"
                + (knownAt == null ? " and superseded_at is null"
                : " and recorded_at <= ? and (superseded_at is null or superseded_at > ?)")
                + " and (active_from is null or active_from <= ?) and (valid_to is null or valid_to > ?)"
                + " and scope_year in (0, ?)"
                + " and (occurred_on is null or (occurred_on >= ? and occurred_on <= case when until_period_end "
                + "then cast(? as date) else cast(? as date) end))";
    }

    private static int bind(Connection c, PreparedStatement ps, String kpiId, Collection<String> units, Window window,
                            OffsetDateTime knownAt) throws SQLException {
        int i = 1;
        ps.setString(i++, kpiId);
        ps.setArray(i++, c.createArrayOf("text", units.toArray()));
        if (knownAt != null) {
            ps.setObject(i++, knownAt);
            ps.setObject(i++, knownAt);
        }
        ps.setObject(i++, window.cutoff());
        ps.setObject(i++, window.cutoff());
        ps.setInt(i++, window.year());
        ps.setObject(i++, window.start());
        ps.setObject(i++, window.end());
        ps.setObject(i++, window.cutoff());
        return i;
    }
}
