package io.citykpi.testkit.malformed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The number of rows in each table of a service's database, to show a refused request wrote nothing. */
public final class RowCounts {

    private RowCounts() {
    }

    /** Every table of the public schema that {@code include} accepts (Flyway's history never). */
    public static Supplier<Map<String, Long>> of(DataSource dataSource, Predicate<String> include) {
        return () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (rs.next()) {
                        String table = rs.getString(1);
                        if (!table.equals("flyway_schema_history") && include.test(table)) {
                            tables.add(table);
                        }
                    }
                }
                Map<String, Long> counts = new TreeMap<>();
                if (tables.isEmpty()) {
                    return counts;
                }
                StringBuilder sql = new StringBuilder();
                for (String table : tables) {
                    if (!sql.isEmpty()) {
                        sql.append(" union all ");
                    }
                    sql.append("select '").append(table).append("', count(*) from \"").append(table).append('"');
                }
                try (ResultSet rs = statement.executeQuery(sql.toString())) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return counts;
            } catch (SQLException e) {
                throw new IllegalStateException("could not count rows", e);
            }
        };
    }
}
