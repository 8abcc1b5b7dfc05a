package io.citykpi.gateway.figures;

import java.util.List;

/**
 * The KPIs of one window for every org unit, whoever computed them: the replay engine (the
 * reference) or the ledger. Contributions are what explain and the alert rules look into.
 */
public interface Figures {

    Figure get(String kpiId, String orgUnit);

    /** Every contribution behind the unit's figure (its own and those of the units below it). */
    List<Contribution> contributions(String kpiId, String orgUnit);
}
