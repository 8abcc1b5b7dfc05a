package io.citykpi.shared.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What a failure that came out of the database means for the caller, by PostgreSQL's SQLSTATE
 * (appendix A of its manual) and the pool's and Hibernate's exceptions, wherever in the cause chain.
 */
public final class DatabaseFailures {

    public enum Kind {
        /** Another transaction got there first: a unique key, a stale version, a serialisation failure. */
        CONFLICT,
        /** The database cannot be reached or refuses connections: try again later. */
        UNAVAILABLE,
        /** A value the database cannot store (too long, out of range): a validation rule is missing. */
        DATA,
        /** Anything else: a defect. */
        OTHER
    }

    private DatabaseFailures() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("jakarta.persistence.OptimisticLockException")
                    || name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")) {
                return Kind.CONFLICT;
            }
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Kind kind = bySqlState(sql.getSQLState());
                if (kind != Kind.OTHER) {
                    return kind;
                }
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Unable to acquire JDBC Connection")
                    || message.contains("Acquisition timeout while waiting for new connection"))) {
                return Kind.UNAVAILABLE;
            }
        }
        return Kind.OTHER;
    }

    static Kind bySqlState(String state) {
        return switch (state) {
            case "23505", "40001", "40P01", "55P03" -> Kind.CONFLICT;
            case "57P01", "57P02", "57P03", "53300" -> Kind.UNAVAILABLE;
            default -> state.startsWith("08") ? Kind.UNAVAILABLE : state.startsWith("22") ? Kind.DATA : Kind.OTHER;
        };
    }

    /** The innermost message, for a log line or a health check. */
    public static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
