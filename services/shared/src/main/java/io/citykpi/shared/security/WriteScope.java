package io.citykpi.shared.security;

import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Which org units a caller may write for: a city administrator any, a district clerk its own (the token's
 * {@code orgUnit} claim) and every unit below it. The role itself ({@link Access#WRITE}) is checked before
 * the request reaches the service; the service calls this with the unit it is about to write, which for an
 * existing record is the record's unit, not one named in the request.
 */
@ApplicationScoped
public class WriteScope {

    private static final Logger LOG = Logger.getLogger(WriteScope.class);

    private final Callers callers;
    private final OrgUnitRegistry orgUnits;

    public WriteScope(Callers callers, OrgUnitRegistry orgUnits) {
        this.callers = callers;
        this.orgUnits = orgUnits;
    }

    /** Refuses (403) a write for {@code orgUnit} that the caller's org unit does not cover. */
    public void check(String orgUnit) {
        Caller caller = callers.current().orElseThrow(UnauthorizedException::new);
        if (covers(caller, orgUnit)) {
            return;
        }
        String detail = caller.orgUnit() == null
                ? caller.describe() + " may not write for " + unit(orgUnit) + ": the token carries no orgUnit claim, "
                        + "so it covers no org unit (set the user's orgUnit attribute in Keycloak)"
                : roleOf(caller) + " of " + caller.orgUnit() + " may not write for " + unit(orgUnit)
                        + ": a clerk writes for its own org unit and the units below it";
        LOG.infof("Refused a write by %s for org unit %s", caller.describe(), orgUnit);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("orgUnit", orgUnit);
        if (caller.orgUnit() != null) {
            context.put("callerOrgUnit", caller.orgUnit());
        }
        throw new ProblemException(403, "org-unit-not-covered", "Outside your organisation unit", detail, context);
    }

    /** A write that moves a record from one unit to another needs both. */
    public void check(String from, String to) {
        check(from);
        if (!Objects.equals(from, to)) {
            check(to);
        }
    }

    boolean covers(Caller caller, String orgUnit) {
        if (caller.hasRole(Roles.CITY_ADMIN)) {
            return true;
        }
        return caller.hasRole(Roles.DISTRICT_CLERK) && caller.orgUnit() != null && orgUnit != null
                && orgUnits.selfAndDescendants(caller.orgUnit()).contains(orgUnit);
    }

    private static String roleOf(Caller caller) {
        return caller.hasRole(Roles.DISTRICT_CLERK) ? "clerk" : caller.describe();
    }

    private String unit(String code) {
        return orgUnits.find(code).map(OrgUnit::name).map(name -> code + " (" + name + ")").orElse(String.valueOf(code));
    }
}
