package io.citykpi.gateway.ledger;

import java.sql.SQLException;

/**
 * A statement on the ledger's tables failed. Keeps the SQLException as its cause, so that ingest can
 * tell an unreachable database (retry the batch) from a bad record (set it aside).
 */
public class LedgerStorageException extends RuntimeException {

    public LedgerStorageException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
