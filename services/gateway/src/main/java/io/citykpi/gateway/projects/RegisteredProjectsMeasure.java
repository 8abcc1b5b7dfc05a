package io.citykpi.gateway.projects;

import io.citykpi.gateway.kpi.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code projects.registered}: key projects (total investment ≥ 500万元) on the register as of a
 * date and not cancelled by then. A stock: the value on the as-of date, not a sum over time.
 */
@ApplicationScoped
public class RegisteredProjectsMeasure implements Measure {

    static final BigDecimal KEY_PROJECT_THRESHOLD = new BigDecimal("500");

    private final EntityManager em;

    public RegisteredProjectsMeasure(EntityManager em) {
        this.em = em;
    }

    @Override
    public String kpiId() {
        return "projects.registered";
    }

    @Override
    public Map<String, BigDecimal> byOrgUnit(LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select org_unit, count(*) from project_fact
                        where total_investment >= :threshold
                          and registered_on <= :asOf
                          and (cancelled_on is null or cancelled_on > :asOf)
                        group by org_unit""")
                .setParameter("threshold", KEY_PROJECT_THRESHOLD)
                .setParameter("asOf", asOf)
                .getResultList();
        Map<String, BigDecimal> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], BigDecimal.valueOf(((Number) row[1]).longValue()));
        }
        return counts;
    }
}
