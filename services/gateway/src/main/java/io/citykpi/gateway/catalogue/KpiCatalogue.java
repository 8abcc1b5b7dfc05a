package io.citykpi.gateway.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.gateway.csv.CsvExport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The KPI catalogue, versioned with the code as data. */
@ApplicationScoped
public class KpiCatalogue {

    private static final String RESOURCE = "kpi/catalogue.json";

    private final ObjectMapper mapper;
    private Document document;

    public KpiCatalogue(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @PostConstruct
    public void load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            document = mapper.readValue(in, Document.class);
            check(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the KPI catalogue: " + e.getMessage(), e);
        }
    }

    /** A catalogue with a typo would silently compute nothing: refuse to start instead. */
    static void check(Document document) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<Integer> orders = new java.util.HashSet<>();
        for (KpiDefinition kpi : document.kpis()) {
            String problem = !ids.add(kpi.id()) ? "is listed twice"
                    : !List.of("COUNT", "SUM", "RATIO").contains(kpi.aggregation()) ? "has aggregation " + kpi.aggregation()
                    : kpi.isRatio() != (kpi.ratio() != null) ? "must have a ratio form exactly when it is a RATIO"
                    : kpi.ratio() != null && !List.of("PERCENT", "CHANGE_PERCENT").contains(kpi.ratio()) ? "has ratio " + kpi.ratio()
                    : !List.of("FLOW", "STOCK").contains(kpi.valueType()) ? "has value type " + kpi.valueType()
                    : !List.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER").contains(kpi.direction()) ? "has direction " + kpi.direction()
                    : !List.of("CUMULATIVE", "LEVEL").contains(kpi.progress()) ? "has progress " + kpi.progress()
                    : kpi.comparison() != null && !List.of("RATIO", "DIFFERENCE").contains(kpi.comparison())
                    ? "has comparison " + kpi.comparison()
                    : kpi.comparedByDifference() && (!kpi.isRatio() || kpi.isCumulative() || kpi.lowerIsBetter())
                    ? "can be compared by DIFFERENCE only as a level rate where higher is better"
                    : kpi.name() == null || kpi.unit() == null || kpi.formula() == null ? "lacks a name, unit or formula"
                    : kpi.display() == null || kpi.display().shortName() == null || kpi.display().group() == null
                    ? "lacks display data (short name, precision, order, group)"
                    : !orders.add(kpi.display().order()) ? "has the display order of another KPI"
                    : null;
            if (problem != null) {
                throw new IllegalStateException("KPI catalogue " + RESOURCE + ": " + kpi.id() + " " + problem);
            }
        }
    }

    public Document document() {
        return document;
    }

    public List<KpiDefinition> all() {
        return document.kpis();
    }

    public Optional<KpiDefinition> find(String id) {
        return document.kpis().stream().filter(kpi -> kpi.id().equals(id)).findFirst();
    }

    public record Document(String version, List<KpiDefinition> kpis) implements CsvExport {

        @Override
        public List<String> csvHeader() {
            return List.of("id", "nameZh", "nameEn", "domain", "unit", "aggregation", "ratio", "valueType", "direction",
                    "progress", "comparison", "formula");
        }

        @Override
        public List<List<?>> csvRows() {
            return kpis.stream().<List<?>>map(k -> java.util.Arrays.asList(k.id(), k.name().zh(), k.name().en(),
                    k.domain(), k.unit(), k.aggregation(), k.ratio(), k.valueType(), k.direction(), k.progress(),
                    k.comparison() == null ? "RATIO" : k.comparison(), k.formula())).toList();
        }
    }
}
