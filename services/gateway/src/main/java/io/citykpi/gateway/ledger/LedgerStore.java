package io.citykpi.gateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes ledger rows and pre-aggregates. Every batch is a handful of statements in the caller's
 * transaction: rows rewritten by a late fact go and superseded rows get their moment (statements over
 * arrays), new rows are streamed in with COPY, and the buckets they touch are added to in one upsert.
 */
@ApplicationScoped
public class LedgerStore {

    private static final int CHUNK = 5_000;
    private static final String ROW_COLUMNS = "replay_key, row_hash, kpi_id, org_unit, record_kind, record_id, label, "
            + "scope_year, occurred_on, until_period_end, valid_from, valid_to, active_from, numerator, denominator, "
            + "record_flags, evidence, newest_at, attributes, recorded_at, superseded_at";
    private static final String TOTAL_KEY = "rec_grain, cut_grain, cut_bucket, rec_bucket, kpi_id, org_unit, scope_year, "
            + "occ_month";
    private static final String TOTAL_COLUMNS = TOTAL_KEY + ", numerator, denominator, records_y, records_q, records_m, "
            + "newest_at";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public LedgerStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void write(LedgerTables t, List<RecordChanges> all) {
        List<String[]> deleted = new ArrayList<>();
        List<String[]> closedNow = new ArrayList<>();
        List<String[]> moved = new ArrayList<>();
        List<Object[]> inserted = new ArrayList<>();
        for (RecordChanges changes : all) {
            String key = changes.replayKey();
            for (RecordedRow row : changes.deleted()) {
                deleted.add(new String[] {key, Long.toString(row.row().hash()), row.recordedAt().toString()});
            }
            for (RecordChanges.Supersede s : changes.superseded()) {
                String hash = Long.toString(s.row().hash());
                if (s.recordedAt() == null) {
                    closedNow.add(new String[] {key, hash, s.to().toString()});
                } else {
                    moved.add(new String[] {key, hash, s.recordedAt().toString(), s.to() == null ? null : s.to().toString()});
                }
            }
            for (RecordedRow row : changes.inserted()) {
                inserted.add(new Object[] {key, row});
            }
        }
        try (Connection c = dataSource.getConnection()) {
            for (List<String[]> chunk : chunks(deleted)) {
                execute(c, "delete from " + t.rows() + " r using unnest(?, ?, ?) as d(k, h, at) "
                        + "where r.replay_key = d.k and r.row_hash = cast(d.h as bigint) "
                        + "and r.recorded_at = cast(d.at as timestamptz)", columns(chunk, 3));
            }
            for (List<String[]> chunk : chunks(moved)) {
                execute(c, "update " + t.rows() + " r set superseded_at = cast(d.until as timestamptz) "
                        + "from unnest(?, ?, ?, ?) as d(k, h, at, until) "
                        + "where r.replay_key = d.k and r.row_hash = cast(d.h as bigint) "
                        + "and r.recorded_at = cast(d.at as timestamptz)", columns(chunk, 4));
            }
            for (List<String[]> chunk : chunks(closedNow)) {
                execute(c, "update " + t.rows() + " r set superseded_at = cast(d.until as timestamptz) "
                        + "from unnest(?, ?, ?) as d(k, h, until) "
                        + "where r.replay_key = d.k and r.row_hash = cast(d.h as bigint) and r.superseded_at is null",
                        columns(chunk, 3));
            }
            for (List<Object[]> chunk : chunks(inserted)) {
                insert(c, t, chunk);
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not write ledger rows to " + t.rows(), e);
        }
    }

    /** Inserts rows of records, each with its recording interval: what a rebuild writes in bulk. */
    public void insert(LedgerTables t, List<Object[]> keyAndRow) {
        try (Connection c = dataSource.getConnection()) {
            for (List<Object[]> chunk : chunks(keyAndRow)) {
                insert(c, t, chunk);
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not write ledger rows to " + t.rows(), e);
        }
    }

    private void insert(Connection c, LedgerTables t, List<Object[]> chunk) throws SQLException {
        CopyRows copy = new CopyRows();
        for (Object[] keyAndRow : chunk) {
            RecordedRow recorded = (RecordedRow) keyAndRow[1];
            LedgerRow row = recorded.row();
            LedgerEntry e = row.entry();
            copy.add(keyAndRow[0]).add(row.hash()).add(e.kpiId()).add(e.orgUnit()).add(e.recordKind()).add(e.recordId())
                    .add(e.label()).add(e.scopeYear()).add(e.occurredOn()).add(e.untilPeriodEnd())
                    .add(row.validFrom()).add(row.validTo()).add(row.activeFrom())
                    .add(e.numerator().toPlainString())
                    .add(e.denominator() == null ? null : e.denominator().toPlainString())
                    .add(e.recordFlags()).add(uuidArray(e.evidence())).add(e.newestAt())
                    .add(e.attributes().isEmpty() ? null : json(e.attributes()))
                    .add(recorded.recordedAt()).add(recorded.supersededAt())
                    .endRow();
        }
        copy.into(c, t.rows(), ROW_COLUMNS);
    }

    private static String uuidArray(List<UUID> ids) {
        StringBuilder text = new StringBuilder(2 + ids.size() * 37).append('{');
        for (int i = 0; i < ids.size(); i++) {
            text.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return text.append('}').toString();
    }

    /**
     * Adds the deltas to the pre-aggregates: streamed into a session-local staging table, then added in
     * one upsert in key order (so that replicas writing the same buckets never deadlock).
     */
    public void addTotals(LedgerTables t, Totals totals) {
        if (totals.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("create temporary table if not exists ledger_total_stage "
                    + "(like ledger_total_template) on commit delete rows");
            for (List<Map.Entry<Totals.Key, Totals.Delta>> chunk : chunks(new ArrayList<>(totals.deltas().entrySet()))) {
                CopyRows copy = new CopyRows();
                for (Map.Entry<Totals.Key, Totals.Delta> entry : chunk) {
                    Totals.Key k = entry.getKey();
                    Totals.Delta d = entry.getValue();
                    copy.add(k.recGrain()).add(k.cutGrain()).add(k.cutBucket()).add(k.recBucket()).add(k.kpiId())
                            .add(k.orgUnit()).add(k.scopeYear()).add(k.occMonth())
                            .add(d.numerator().toPlainString()).add(d.denominator().toPlainString())
                            .add(d.recordsYear()).add(d.recordsQuarter()).add(d.recordsMonth()).add(d.newestAt())
                            .endRow();
                }
                copy.into(c, "ledger_total_stage", TOTAL_COLUMNS);
                statement.executeUpdate("insert into " + t.totals() + " as t (" + TOTAL_COLUMNS + ") "
                        + "select " + TOTAL_COLUMNS + " from ledger_total_stage order by " + TOTAL_KEY + " "
                        + "on conflict (" + TOTAL_KEY + ") "
                        + "do update set numerator = t.numerator + excluded.numerator, "
                        + "denominator = t.denominator + excluded.denominator, "
                        + "records_y = t.records_y + excluded.records_y, records_q = t.records_q + excluded.records_q, "
                        + "records_m = t.records_m + excluded.records_m, "
                        + "newest_at = greatest(t.newest_at, excluded.newest_at)");
                statement.execute("truncate ledger_total_stage");
            }
        } catch (SQLException e) {
            throw new LedgerStorageException("could not add to " + t.totals(), e);
        }
    }

    private static void execute(Connection c, String sql, String[][] columns) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                ps.setArray(i + 1, c.createArrayOf("text", columns[i]));
            }
            ps.executeUpdate();
        }
    }

    private static String[][] columns(List<String[]> rows, int width) {
        String[][] cols = new String[width][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < width; j++) {
                cols[j][i] = rows.get(i)[j];
            }
        }
        return cols;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private String json(Map<String, String> attributes) {
        try {
            return mapper.writeValueAsString(new java.util.TreeMap<>(attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
