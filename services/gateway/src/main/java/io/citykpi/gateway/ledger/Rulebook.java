package io.citykpi.gateway.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every domain's ledger rules, found by the event type they read or the source they belong to. */
@ApplicationScoped
public class Rulebook {

    private final Instance<LedgerRules> beans;
    private Map<String, LedgerRules> byType;
    private Map<String, LedgerRules> bySource;
    private List<LedgerRules> all;

    public Rulebook(@Any Instance<LedgerRules> beans) {
        this.beans = beans;
    }

    @PostConstruct
    void index() {
        Map<String, LedgerRules> types = new HashMap<>();
        Map<String, LedgerRules> sources = new HashMap<>();
        List<LedgerRules> list = new ArrayList<>();
        for (LedgerRules rules : beans) {
            list.add(rules);
            sources.put(rules.source(), rules);
            rules.types().forEach(type -> {
                if (types.put(type, rules) != null) {
                    throw new IllegalStateException("two domains claim " + type);
                }
            });
        }
        byType = Map.copyOf(types);
        bySource = Map.copyOf(sources);
        all = List.copyOf(list);
    }

    /** The rules that keep events of this type, if any KPI uses it. */
    public Optional<LedgerRules> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<LedgerRules> forSource(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The rules that write records of this kind (project, hazard...). */
    public Optional<LedgerRules> forRecordKind(String kind) {
        return all.stream().filter(r -> r.recordKinds().contains(kind)).findFirst();
    }

    public List<LedgerRules> all() {
        return all;
    }
}
