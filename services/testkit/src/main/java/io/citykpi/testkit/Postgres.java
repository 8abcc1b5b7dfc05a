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

    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final boolean temporary;

    private Postgres(EmbeddedPostgres server, Path dataDir, boolean temporary) {
        this.server = server;
        this.dataDir = dataDir;
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
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(temporary)
                    .setOverrideWorkingDirectory(workingDirectory().toFile())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
            return new Postgres(server, dataDir, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
        }
    }

    /** Shared by every start on this machine, so the 117 MB of binaries are extracted once. */
    private static Path workingDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Files.createDirectories(dir);
        return dir;
    }

    public int port() {
        return server.getPort();
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
