package io.citykpi.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real PostgreSQL 17 from the zonky binaries, no Docker. One server holds one database per service, as
 * production does with one database each, and every login needs a password (SCRAM-SHA-256): the
 * superuser's is known only to whoever started the server; each service gets a role that owns its
 * database and can connect to no other.
 */
public final class Postgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    /** Password logins only, on the socket and on loopback TCP. */
    private static final String HBA = """
            # Written by io.citykpi.testkit.Postgres: every login needs its password.
            local   all all                scram-sha-256
            host    all all 127.0.0.1/32   scram-sha-256
            host    all all ::1/128        scram-sha-256
            """;

    private volatile EmbeddedPostgres server;
    private final Path dataDir;
    private final int port;
    private final String superuserPassword;
    private final boolean temporary;

    /** What a service needs to log in to its own database. */
    public record Login(String jdbcUrl, String username, String password) {
    }

    private Postgres(EmbeddedPostgres server, Path dataDir, int port, String superuserPassword, boolean temporary) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.temporary = temporary;
    }

    /** Keeps its data in {@code dataDir} across restarts (used by `make run`). */
    public static Postgres start(Path dataDir, int port, String superuserPassword) {
        return start(dataDir, port, superuserPassword, false);
    }

    public static Postgres startTemporary() {
        try {
            return start(Files.createTempDirectory("citykpi-pg-"), Ports.free(), Secrets.generate(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Postgres start(Path dataDir, int port, String superuserPassword, boolean temporary) {
        boolean fresh = !Files.exists(dataDir.resolve("data/PG_VERSION"));
        Postgres postgres = new Postgres(server(dataDir, port, superuserPassword, temporary), dataDir, port,
                superuserPassword, temporary);
        if (!fresh) {
            try {
                postgres.requirePasswords();
            } catch (IOException e) {
                throw new UncheckedIOException("could not require passwords of PostgreSQL in " + dataDir, e);
            }
        }
        return postgres;
    }

    /**
     * The data directory is kept when the server stops (a temporary one is deleted by {@link #close()}).
     * A temporary server's data is thrown away anyway, so it does not wait for the disk at each commit
     * (fsync off): the tests exercise PostgreSQL's behaviour, not the machine's disk. `make run` keeps it.
     */
    private static EmbeddedPostgres server(Path dataDir, int port, String superuserPassword, boolean temporary) {
        Path passwordFile = dataDir.resolve("superuser.pwfile");
        try {
            Files.createDirectories(dataDir);
            Secrets.writePrivate(passwordFile, superuserPassword + "\n");
            // zonky runs initdb with "-A trust"; these later options win: SCRAM everywhere and a superuser password.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (temporary) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return builder
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workingDirectory().toFile())
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", superuserPassword)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                // best effort: the file is readable by its owner only
            }
        }
    }

    /**
     * A data directory made before passwords were required (it trusted every local login): give the
     * superuser its password and require passwords from now on.
     */
    private void requirePasswords() throws IOException {
        Path hba = dataDir.resolve("data/pg_hba.conf");
        if (Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(SUPERUSER), SUPERUSER, superuserPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + superuserPassword + "'");
            Files.writeString(hba, HBA, StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL in " + dataDir + " does not accept the superuser password", e);
        }
    }

    /** Stops the server as an outage would, keeping its data; {@link #restart()} brings it back on the same port. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        server = server(dataDir, port, superuserPassword, temporary);
    }

    /** Shared by every start on this machine, so the 117 MB of binaries are extracted once. */
    private static Path workingDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Files.createDirectories(dir);
        return dir;
    }

    public int port() {
        return port;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /**
     * The database {@code name}, owned by the login role of the same name with {@code password}, that
     * no other role (but the superuser) may connect to. Idempotent; sets the password again.
     */
    public Login createServiceDatabase(String name, String password) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + name);
        }
        try (Connection connection = superuser(SUPERUSER); Statement statement = connection.createStatement()) {
            String role = exists(connection, "select 1 from pg_roles where rolname = ?", name) ? "alter" : "create";
            // DDL takes no bind parameters; the password is quoted as a literal.
            statement.execute(role + " role " + name + " login password " + literal(password));
            if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
                statement.execute("create database " + name + " owner " + name);
            } else if (!exists(connection, "select 1 from pg_database d join pg_roles r on r.oid = d.datdba"
                    + " where d.datname = ? and r.rolname = d.datname", name)) {
                adopt(name);
            }
            statement.execute("revoke connect, temporary on database " + name + " from public");
            // The maintenance databases are nobody's business but the superuser's.
            statement.execute("revoke connect, temporary on database postgres from public");
            statement.execute("revoke connect on database template1 from public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new Login(jdbcUrl(name), name, password);
    }

    /**
     * A database from before service roles (the superuser owned it and its tables): the service's
     * role takes over the database and everything in its public schema.
     */
    private void adopt(String name) throws SQLException {
        try (Connection connection = superuser(name); Statement statement = connection.createStatement()) {
            statement.execute("alter database " + name + " owner to " + name);
            statement.execute("""
                    do $$
                    declare object record;
                    begin
                      for object in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                      and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                                               where d.objid = c.oid and d.deptype in ('a', 'i'))) loop
                        execute format(case object.relkind when 'S' then 'alter sequence public.%%I owner to %%I'
                                                            when 'v' then 'alter view public.%%I owner to %%I'
                                                            when 'm' then 'alter materialized view public.%%I owner to %%I'
                                                            else 'alter table public.%%I owner to %%I' end,
                                       object.relname, '%s');
                      end loop;
                    end $$""".formatted(name));
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A superuser connection to {@code database}, for tests that look at what a service stored. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary) {
                Files2.deleteRecursively(dataDir);
            }
        }
    }
}
