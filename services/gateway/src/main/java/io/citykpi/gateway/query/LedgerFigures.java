package io.citykpi.gateway.query;

import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.figures.Figures;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The figures of one window read from the ledger, rolled up the org-unit tree; contributions are read
 * only when asked for (explanations, alert rules).
 */
public final class LedgerFigures implements Figures {

    private final Map<String, Map<String, Figure>> byKpi;
    private final BiFunction<String, String, List<Contribution>> contributions;

    LedgerFigures(Map<String, Map<String, Figure>> byKpi, BiFunction<String, String, List<Contribution>> contributions) {
        this.byKpi = byKpi;
        this.contributions = contributions;
    }

    @Override
    public Figure get(String kpiId, String orgUnit) {
        return byKpi.getOrDefault(kpiId, Map.of()).getOrDefault(orgUnit, Figure.NONE);
    }

    @Override
    public List<Contribution> contributions(String kpiId, String orgUnit) {
        return contributions.apply(kpiId, orgUnit);
    }
}
