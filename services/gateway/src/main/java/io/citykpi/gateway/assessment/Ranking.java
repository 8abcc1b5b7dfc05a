package io.citykpi.gateway.assessment;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks sibling units (排名): 1 is best, whichever way is better for the KPI. Equal values share a
 * rank and the next rank is skipped (1, 2, 2, 4); a unit without a value is not ranked.
 */
public final class Ranking {

    private Ranking() {
    }

    public static Map<String, Integer> rank(Map<String, BigDecimal> values, boolean lowerIsBetter) {
        Comparator<BigDecimal> better = lowerIsBetter ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Map.Entry<String, BigDecimal>> ranked = values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .sorted(Map.Entry.comparingByValue(better))
                .toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            BigDecimal value = ranked.get(i).getValue();
            boolean tie = i > 0 && ranked.get(i - 1).getValue().compareTo(value) == 0;
            ranks.put(ranked.get(i).getKey(), tie ? ranks.get(ranked.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }
}
