package io.citykpi.gateway.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (text format), the driver's bulk path: a batch of
 * ledger rows or facts goes to the server as one stream instead of as arrays of text that both sides
 * encode and parse again, which made up most of the time of a large write.
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    /** The next value of the current row; {@code null} is SQL NULL. */
    CopyRows add(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows into {@code table}'s {@code columns} (a comma-separated list) on {@code connection}. */
    long into(Connection connection, String table, String columns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("could not stream rows into " + table, e);
        }
    }

    // The text format's escapes: a backslash, and the characters that separate values and rows.
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
