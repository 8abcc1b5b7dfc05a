package io.citykpi.gateway.ledger;

/** The tables of one projection generation (created and dropped whole; see migration V30). */
public record LedgerTables(int generation) {

    public String facts() {
        return "fact_g" + generation;
    }

    public String seenEvents() {
        return "seen_event_g" + generation;
    }

    public String rows() {
        return "ledger_row_g" + generation;
    }

    public String totals() {
        return "ledger_total_g" + generation;
    }
}
