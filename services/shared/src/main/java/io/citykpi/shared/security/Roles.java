package io.citykpi.shared.security;

import java.util.List;

/**
 * The realm roles of the city's Keycloak (realm {@code citykpi}) that CityKPI knows. What each may do is
 * decided in one place, {@link Access}; a district clerk's writes are further limited to its org unit
 * and the units below it ({@link WriteScope}).
 */
public final class Roles {

    /** Sets targets, runs administration, writes for any org unit. */
    public static final String CITY_ADMIN = "city-admin";
    /** A city or district leader: reads everything, including audit trails; writes nothing. */
    public static final String LEADER = "leader";
    /** Records the facts of its own org unit (the token's {@code orgUnit} claim) and of the units below it. */
    public static final String DISTRICT_CLERK = "district-clerk";
    /** Kept for the approval workflow to come: reads, writes nothing yet. */
    public static final String DISTRICT_REVIEWER = "district-reviewer";
    /** Reads records, KPIs and audit trails. */
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL = List.of(CITY_ADMIN, LEADER, DISTRICT_CLERK, DISTRICT_REVIEWER, AUDITOR);

    private Roles() {
    }
}
