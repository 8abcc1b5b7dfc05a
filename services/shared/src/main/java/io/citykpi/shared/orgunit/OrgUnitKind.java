package io.citykpi.shared.orgunit;

public enum OrgUnitKind {
    CITY, DISTRICT, COUNTY, DEVELOPMENT_ZONE
}
