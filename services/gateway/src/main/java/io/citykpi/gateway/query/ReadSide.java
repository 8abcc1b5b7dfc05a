package io.citykpi.gateway.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Where KPI questions read: a PostgreSQL read replica when one is configured (the {@code reads}
 * datasource: {@code QUARKUS_DATASOURCE_READS_JDBC_URL}, e.g. a CloudNativePG {@code -ro} service), else
 * the primary. Writes, and listening for changes, always use the primary.
 */
@ApplicationScoped
public class ReadSide {

    private static final Logger LOG = Logger.getLogger(ReadSide.class);

    private final DataSource dataSource;
    private final boolean replica;

    public ReadSide(DataSource primary, @io.quarkus.agroal.DataSource("reads") InjectableInstance<AgroalDataSource> reads) {
        List<AgroalDataSource> active = reads.listActive();
        this.replica = !active.isEmpty();
        this.dataSource = replica ? active.get(0) : primary;
        if (replica) {
            LOG.info("KPI questions read from the read replica (datasource 'reads')");
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isReplica() {
        return replica;
    }

    /** The active generation and its ledger version, as the read side sees them (a replica may lag). */
    public record Current(int generation, long ledgerVersion) {
    }

    public Current current() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select generation, ledger_version from projection_generation where state = 'ACTIVE'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no active ledger generation");
            }
            return new Current(rs.getInt(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new io.citykpi.gateway.ledger.LedgerStorageException("could not read the active generation", e);
        }
    }
}
