package io.citykpi.gateway.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.gateway.assessment.StatusRule;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import java.math.BigDecimal;

/** The real catalogue and the default status rule, for tests that run without Quarkus. */
public final class KpiCatalogueFixture {

    public static final StatusRule RULE = new StatusRule() {
        @Override
        public BigDecimal aheadFromPoints() {
            return new BigDecimal("2");
        }

        @Override
        public BigDecimal behindTolerancePoints() {
            return new BigDecimal("5");
        }

        @Override
        public BigDecimal rateAheadFromPoints() {
            return BigDecimal.ONE;
        }

        @Override
        public BigDecimal rateBehindTolerancePoints() {
            return BigDecimal.ONE;
        }
    };

    private KpiCatalogueFixture() {
    }

    public static KpiCatalogue catalogue() {
        KpiCatalogue catalogue = new KpiCatalogue(new ObjectMapper());
        catalogue.load();
        return catalogue;
    }
}
