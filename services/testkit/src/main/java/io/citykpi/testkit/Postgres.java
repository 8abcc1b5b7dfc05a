package io.citykpi.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real PostgreSQL 17 from the zonky binaries, no Docker. One server holds one database per service,
 * as production does with one database each.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";

    private volatile EmbeddedPostgres server;
    private final Path dataDir;
    private final int port;
    private final boolean temporary;

    private Postgres(EmbeddedPostgres server, Path dataDir, int port, boolean temporary) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.temporary = temporary;
    }

    /** Keeps its data in {@code dataDir} across restarts (used by `make run`). */
    public static Postgres start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    public static Postgres startTemporary() {
        try {
            return start(Files.createTempDirectory("citykpi-pg-"), Ports.free(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Postgres start(Path dataDir, int port, boolean temporary) {
        return new Postgres(server(dataDir, port), dataDir, port, temporary);
    }

    /** The data directory is kept when the server stops (a temporary one is deleted by {@link #close()}). */
    private static EmbeddedPostgres server(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workingDirectory().toFile())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
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
        server = server(dataDir, port);
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

    /** Creates the database when missing and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
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
