package io.citykpi.gateway.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.kpi.KpiCatalogueFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiCatalogueTest {

    static final Path ROOT = Path.of(System.getProperty("citykpi.root", "../..")).toAbsolutePath().normalize();

    @Test
    void holdsTheThirtyKpisTheWorkReportIsFollowedWith() {
        KpiCatalogue catalogue = KpiCatalogueFixture.catalogue();
        assertEquals(30, catalogue.all().size());
        assertTrue(catalogue.find("safety.hazards-overdue").orElseThrow().lowerIsBetter());
    }

    @Test
    void theReferenceDocumentListsEveryKpi() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/kpis.md"));
        for (KpiDefinition kpi : KpiCatalogueFixture.catalogue().all()) {
            assertTrue(doc.contains("`" + kpi.id() + "`"), "docs/kpis.md does not list " + kpi.id());
        }
    }

    @Test
    void refusesADefinitionThatCouldNotBeComputed() {
        KpiDefinition good = KpiCatalogueFixture.catalogue().find("projects.start-rate").orElseThrow();
        KpiDefinition noRatioForm = new KpiDefinition(good.id(), good.name(), good.domain(), good.unit(), "RATIO", null,
                good.valueType(), good.direction(), good.progress(), null, good.formula(), null, null, List.of(),
                good.display(), good.breakdowns());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KpiCatalogue.check(new KpiCatalogue.Document("x", List.of(noRatioForm))));
        assertTrue(e.getMessage().contains("projects.start-rate"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> KpiCatalogue.check(new KpiCatalogue.Document("x", List.of(good, good))));
    }
}
