package io.citykpi.gateway.query;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.ledger.FactStore;
import io.citykpi.gateway.ledger.LedgerStorageException;
import io.citykpi.gateway.ledger.LedgerTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Facts a question needs besides figures: the events behind contributions, the monthly reports. */
@ApplicationScoped
public class FactReads {

    private final DataSource dataSource;
    private final FactStore facts;

    public FactReads(ReadSide reads, FactStore facts) {
        this.dataSource = reads.dataSource();
        this.facts = facts;
    }

    public List<Fact> byEventIds(LedgerTables t, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query(t, "select " + FactStore.COLUMNS + " from " + t.facts() + " where event_id = any(?)",
                (c, ps) -> ps.setArray(1, c.createArrayOf("uuid", ids.toArray())));
    }

    /** The facts of the given types about the given subjects (e.g. the registrations that name projects). */
    public List<Fact> ofSubjects(LedgerTables t, Collection<String> types, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return query(t, "select " + FactStore.COLUMNS + " from " + t.facts()
                        + " where subject = any(?) and event_type = any(?) order by sequence_no",
                (c, ps) -> {
                    ps.setArray(1, c.createArrayOf("text", subjects.toArray()));
                    ps.setArray(2, c.createArrayOf("text", types.toArray()));
                });
    }

    /**
     * Monthly reports of the given types about months in [fromMonth, toMonth], recorded by knownAt (null:
     * all), in the order they were applied.
     */
    public List<Fact> reports(LedgerTables t, Collection<String> types, LocalDate fromMonth, LocalDate toMonth,
                              OffsetDateTime knownAt) {
        String sql = "select " + FactStore.COLUMNS + " from " + t.facts()
                + " where report_month between ? and ? and event_type = any(?)"
                + (knownAt != null ? " and recorded_at <= ?" : "") + " order by sequence_no";
        return query(t, sql, (c, ps) -> {
            ps.setObject(1, fromMonth);
            ps.setObject(2, toMonth);
            ps.setArray(3, c.createArrayOf("text", types.toArray()));
            if (knownAt != null) {
                ps.setObject(4, knownAt);
            }
        });
    }

    private interface Binder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    private List<Fact> query(LedgerTables t, String sql, Binder binder) {
        List<Fact> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(facts.read(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not read facts from " + t.facts(), e);
        }
        return out;
    }
}
