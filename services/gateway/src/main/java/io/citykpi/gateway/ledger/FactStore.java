package io.citykpi.gateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.gateway.facts.Fact;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The facts of a generation: written as events are applied, read back per record when new facts
 * arrive for it, by id for explanations, and as monthly reports for the reporting calendar and alerts.
 * Plain JDBC: a batch is streamed in with COPY, not written one event at a time.
 */
@ApplicationScoped
public class FactStore {

    /** The columns {@link #read} maps, in its order. */
    public static final String COLUMNS = "sequence_no, event_id, event_type, source, subject, org_unit, "
            + "effective_date, recorded_at, cast(data as text)";
    private static final String STAGED_COLUMNS = "event_id, event_type, source, subject, replay_key, org_unit, "
            + "effective_date, recorded_at, report_month, submitted_on, data";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public FactStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** A fact as ingest stores it: with its record and, for monthly reports, what the calendar needs. */
    public record Stored(Fact fact, String replayKey, LocalDate reportMonth, LocalDate submittedOn) {
    }

    /**
     * Inserts the facts not stored yet (a redelivered event is skipped); returns those inserted, numbered.
     * The batch is streamed with COPY into a session-local staging table and moved from there in one insert.
     */
    public List<Fact> insertNew(LedgerTables t, List<Stored> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        Map<UUID, Fact> byId = new LinkedHashMap<>();
        CopyRows copy = new CopyRows();
        for (Stored s : facts) {
            Fact f = s.fact();
            byId.put(f.eventId(), f);
            copy.add(f.eventId()).add(f.type()).add(f.source()).add(f.subject()).add(s.replayKey()).add(f.orgUnit())
                    .add(f.effectiveDate()).add(f.recordedAt()).add(s.reportMonth()).add(s.submittedOn()).add(json(f))
                    .endRow();
        }
        List<Fact> inserted = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("create temporary table if not exists fact_stage (event_id uuid, event_type text, "
                    + "source text, subject text, replay_key text, org_unit text, effective_date date, "
                    + "recorded_at timestamptz, report_month date, submitted_on date, data jsonb) on commit delete rows");
            copy.into(c, "fact_stage", STAGED_COLUMNS);
            try (ResultSet rs = statement.executeQuery("insert into " + t.facts() + " (" + STAGED_COLUMNS + ") "
                    + "select " + STAGED_COLUMNS + " from fact_stage on conflict (event_id) do nothing "
                    + "returning event_id, sequence_no")) {
                while (rs.next()) {
                    Fact f = byId.get(rs.getObject(1, UUID.class));
                    inserted.add(new Fact(f.eventId(), f.type(), f.source(), f.subject(), f.orgUnit(), f.effectiveDate(),
                            f.recordedAt(), rs.getLong(2), f.data()));
                }
            }
            statement.execute("truncate fact_stage");
        } catch (SQLException e) {
            throw new LedgerStorageException("could not store facts in " + t.facts(), e);
        }
        inserted.sort(java.util.Comparator.comparingLong(Fact::sequence));
        return inserted;
    }

    /** An applied event no KPI uses, as remembered so that its redelivery is recognised. */
    public record Seen(UUID eventId, String type, String topic, int partition, long offset) {
    }

    /** Remembers events no KPI uses; returns how many were new (not redelivered). */
    public int markSeen(LedgerTables t, List<Seen> events, OffsetDateTime now) {
        if (events.isEmpty()) {
            return 0;
        }
        String sql = "insert into " + t.seenEvents() + " (event_id, event_type, topic, partition_no, record_offset, "
                + "applied_at) values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing";
        int inserted = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Seen e : events) {
                ps.setObject(1, e.eventId());
                ps.setString(2, e.type());
                ps.setString(3, e.topic());
                ps.setInt(4, e.partition());
                ps.setLong(5, e.offset());
                ps.setObject(6, now);
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                inserted += Math.max(count, 0);
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not remember events in " + t.seenEvents(), e);
        }
        return inserted;
    }

    /** Every fact of the given records, per record. */
    public Map<String, List<Fact>> byReplayKey(LedgerTables t, Collection<String> keys) {
        Map<String, List<Fact>> out = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        String sql = "select replay_key, " + COLUMNS + " from " + t.facts() + " where replay_key = any(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(read(rs, 2));
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not read facts from " + t.facts(), e);
        }
        return out;
    }

    /**
     * Reads every fact of the generation record by record (ordered by replay key, through a cursor, so a
     * generation of millions of facts never sits in memory), handing over each record's facts. Must run
     * inside a transaction.
     */
    public void eachRecord(LedgerTables t, Consumer<List<Fact>> perRecord) {
        String sql = "select replay_key, " + COLUMNS + " from " + t.facts() + " order by replay_key";
        // Inside the caller's transaction (auto-commit off), so the driver fetches through a cursor.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                String key = null;
                List<Fact> facts = new ArrayList<>();
                while (rs.next()) {
                    String k = rs.getString(1);
                    if (key != null && !key.equals(k)) {
                        perRecord.accept(facts);
                        facts = new ArrayList<>();
                    }
                    key = k;
                    facts.add(read(rs, 2));
                }
                if (!facts.isEmpty()) {
                    perRecord.accept(facts);
                }
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not read the facts of " + t.facts(), e);
        }
    }

    public long count(LedgerTables t) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + t.facts());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LedgerStorageException("could not count " + t.facts(), e);
        }
    }

    /** A fact from a row selecting {@link #COLUMNS} from column {@code first} on. */
    public Fact read(ResultSet rs, int first) throws SQLException {
        try {
            return new Fact(rs.getObject(first + 1, UUID.class), rs.getString(first + 2), rs.getString(first + 3),
                    rs.getString(first + 4), rs.getString(first + 5), rs.getObject(first + 6, LocalDate.class),
                    rs.getObject(first + 7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                    rs.getLong(first), mapper.readTree(rs.getString(first + 8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fact " + rs.getString(first + 1) + " holds unreadable JSON", e);
        }
    }

    private String json(Fact f) {
        try {
            return mapper.writeValueAsString(f.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
