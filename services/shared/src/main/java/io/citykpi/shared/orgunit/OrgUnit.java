package io.citykpi.shared.orgunit;

/**
 * One organisation unit. {@code code} is GB/T 2260 where one exists; units without one (development
 * zones) get a documented code of CityKPI's choosing (see docs/org-units.md).
 */
public record OrgUnit(String code, String name, String nameEn, OrgUnitKind kind, String parent) {

    public boolean isRoot() {
        return parent == null;
    }
}
