package io.citykpi.gateway.kpi;

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
    void load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            document = mapper.readValue(in, Document.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the KPI catalogue: " + e.getMessage(), e);
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
                    "progress", "formula");
        }

        @Override
        public List<List<?>> csvRows() {
            return kpis.stream().<List<?>>map(k -> java.util.Arrays.asList(k.id(), k.name().zh(), k.name().en(),
                    k.domain(), k.unit(), k.aggregation(), k.ratio(), k.valueType(), k.direction(), k.progress(),
                    k.formula())).toList();
        }
    }
}
