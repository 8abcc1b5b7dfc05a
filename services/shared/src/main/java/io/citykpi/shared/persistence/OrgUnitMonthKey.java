package io.citykpi.shared.persistence;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Id of a monthly statistic reported per organisation unit (FAI, employment, ...): use with
 * {@code @IdClass} on an entity whose {@code @Id} fields are {@code orgUnit} and {@code monthStart}
 * (the first day of the month: an id cannot go through an attribute converter).
 */
public class OrgUnitMonthKey implements Serializable {

    public String orgUnit;
    public LocalDate monthStart;

    public OrgUnitMonthKey() {
    }

    public OrgUnitMonthKey(String orgUnit, LocalDate monthStart) {
        this.orgUnit = orgUnit;
        this.monthStart = monthStart;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrgUnitMonthKey k && Objects.equals(orgUnit, k.orgUnit) && Objects.equals(monthStart, k.monthStart);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orgUnit, monthStart);
    }
}
