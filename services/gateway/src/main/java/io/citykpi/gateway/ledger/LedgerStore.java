package io.citykpi.gateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes ledger rows and pre-aggregates. Every batch is a handful of statements over arrays, in the
 * caller's transaction: rows rewritten by a late fact go, superseded rows get their moment, new rows
 * come, and the buckets they touch are added to in one upsert (in a fixed key order, so that replicas
 * writing the same buckets never deadlock).
 */
@ApplicationScoped
public class LedgerStore {

    private static final int CHUNK = 5_000;

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
        int n = chunk.size();
        String[][] cols = new String[21][n];
        for (int i = 0; i < n; i++) {
            String key = (String) chunk.get(i)[0];
            RecordedRow recorded = (RecordedRow) chunk.get(i)[1];
            LedgerRow row = recorded.row();
            LedgerEntry e = row.entry();
            cols[0][i] = key;
            cols[1][i] = Long.toString(row.hash());
            cols[2][i] = e.kpiId();
            cols[3][i] = e.orgUnit();
            cols[4][i] = e.recordKind();
            cols[5][i] = e.recordId();
            cols[6][i] = e.label();
            cols[7][i] = Integer.toString(e.scopeYear());
            cols[8][i] = e.occurredOn() == null ? null : e.occurredOn().toString();
            cols[9][i] = Boolean.toString(e.untilPeriodEnd());
            cols[10][i] = row.validFrom() == null ? null : row.validFrom().toString();
            cols[11][i] = row.validTo() == null ? null : row.validTo().toString();
            cols[12][i] = row.activeFrom() == null ? null : row.activeFrom().toString();
            cols[13][i] = e.numerator().toPlainString();
            cols[14][i] = e.denominator() == null ? null : e.denominator().toPlainString();
            cols[15][i] = Integer.toString(e.recordFlags());
            cols[16][i] = "{" + String.join(",", e.evidence().stream().map(UUID::toString).toList()) + "}";
            cols[17][i] = e.newestAt() == null ? null : e.newestAt().toString();
            cols[18][i] = e.attributes().isEmpty() ? null : json(e.attributes());
            cols[19][i] = recorded.recordedAt().toString();
            cols[20][i] = recorded.supersededAt() == null ? null : recorded.supersededAt().toString();
        }
        execute(c, "insert into " + t.rows() + " (replay_key, row_hash, kpi_id, org_unit, record_kind, record_id, label, "
                + "scope_year, occurred_on, until_period_end, valid_from, valid_to, active_from, numerator, denominator, "
                + "record_flags, evidence, newest_at, attributes, recorded_at, superseded_at) "
                + "select k, cast(h as bigint), kpi, u, kind, id, label, cast(sy as smallint), cast(occ as date), "
                + "cast(upe as boolean), cast(vf as date), cast(vt as date), cast(af as date), cast(num as numeric), "
                + "cast(den as numeric), cast(fl as smallint), cast(ev as uuid[]), cast(nw as timestamptz), "
                + "cast(at as jsonb), cast(rec as timestamptz), cast(sup as timestamptz) "
                + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "as x(k, h, kpi, u, kind, id, label, sy, occ, upe, vf, vt, af, num, den, fl, ev, nw, at, rec, sup)",
                cols);
    }

    /** Adds the deltas to the pre-aggregates. */
    public void addTotals(LedgerTables t, Totals totals) {
        if (totals.isEmpty()) {
            return;
        }
        List<Map.Entry<Totals.Key, Totals.Delta>> entries = new ArrayList<>(totals.deltas().entrySet());
        try (Connection c = dataSource.getConnection()) {
            for (List<Map.Entry<Totals.Key, Totals.Delta>> chunk : chunks(entries)) {
                int n = chunk.size();
                String[][] cols = new String[14][n];
                for (int i = 0; i < n; i++) {
                    Totals.Key k = chunk.get(i).getKey();
                    Totals.Delta d = chunk.get(i).getValue();
                    cols[0][i] = String.valueOf(k.recGrain());
                    cols[1][i] = String.valueOf(k.cutGrain());
                    cols[2][i] = k.cutBucket().toString();
                    cols[3][i] = k.recBucket().toString();
                    cols[4][i] = k.kpiId();
                    cols[5][i] = k.orgUnit();
                    cols[6][i] = Integer.toString(k.scopeYear());
                    cols[7][i] = Integer.toString(k.occMonth());
                    cols[8][i] = d.numerator().toPlainString();
                    cols[9][i] = d.denominator().toPlainString();
                    cols[10][i] = Integer.toString(d.recordsYear());
                    cols[11][i] = Integer.toString(d.recordsQuarter());
                    cols[12][i] = Integer.toString(d.recordsMonth());
                    cols[13][i] = d.newestAt() == null ? null : d.newestAt().toString();
                }
                execute(c, "insert into " + t.totals() + " as t (rec_grain, cut_grain, cut_bucket, rec_bucket, kpi_id, "
                        + "org_unit, scope_year, occ_month, numerator, denominator, records_y, records_q, records_m, "
                        + "newest_at) "
                        + "select rg, cg, cast(cb as date), cast(rb as date), kpi, u, cast(sy as smallint), "
                        + "cast(om as integer), cast(num as numeric), cast(den as numeric), cast(ry as integer), "
                        + "cast(rq as integer), cast(rm as integer), cast(nw as timestamptz) "
                        + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "as x(rg, cg, cb, rb, kpi, u, sy, om, num, den, ry, rq, rm, nw) "
                        + "on conflict (rec_grain, cut_grain, cut_bucket, rec_bucket, kpi_id, org_unit, scope_year, occ_month) "
                        + "do update set numerator = t.numerator + excluded.numerator, "
                        + "denominator = t.denominator + excluded.denominator, "
                        + "records_y = t.records_y + excluded.records_y, records_q = t.records_q + excluded.records_q, "
                        + "records_m = t.records_m + excluded.records_m, "
                        + "newest_at = greatest(t.newest_at, excluded.newest_at)", cols);
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
