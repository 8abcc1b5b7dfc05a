package io.citykpi.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role table and the org-unit scope, as the README's roles table states them. */
class AccessTest {

    private final WriteScope scope = new WriteScope(null, OrgUnitRegistry.bundled());

    @Test
    void turnsEachRealmRoleIntoItsPermissions() {
        assertEquals(Set.of("read", "read-audit", "write", "admin"), Access.permissionsOf(List.of(Roles.CITY_ADMIN)));
        assertEquals(Set.of("read", "read-audit"), Access.permissionsOf(List.of(Roles.LEADER)));
        assertEquals(Set.of("read", "write"), Access.permissionsOf(List.of(Roles.DISTRICT_CLERK)));
        assertEquals(Set.of("read"), Access.permissionsOf(List.of(Roles.DISTRICT_REVIEWER)));
        assertEquals(Set.of("read", "read-audit"), Access.permissionsOf(List.of(Roles.AUDITOR)));
        assertEquals(Set.of(), Access.permissionsOf(List.of("offline_access", "uma_authorization")),
                "a token without a CityKPI role may do nothing");
    }

    @Test
    void aClerkWritesForItsUnitAndTheUnitsBelowItOnly() {
        Caller clerk = new Caller("s", "clerk-220402", Set.of(Roles.DISTRICT_CLERK), "220402");
        assertTrue(scope.covers(clerk, "220402"));
        assertFalse(scope.covers(clerk, "220403"));
        assertFalse(scope.covers(clerk, "220400"), "not the city above it");

        Caller cityClerk = new Caller("s", "clerk-220400", Set.of(Roles.DISTRICT_CLERK), "220400");
        assertTrue(scope.covers(cityClerk, "220471"), "the city's clerk covers every unit below the city");
    }

    @Test
    void theCityAdministratorWritesForAnyUnitAndOtherRolesForNone() {
        assertTrue(scope.covers(new Caller("s", "admin", Set.of(Roles.CITY_ADMIN), null), "220421"));
        assertFalse(scope.covers(new Caller("s", "leader", Set.of(Roles.LEADER), "220400"), "220421"));
        assertFalse(scope.covers(new Caller("s", "reviewer", Set.of(Roles.DISTRICT_REVIEWER), "220421"), "220421"));
        assertFalse(scope.covers(new Caller("s", "clerk", Set.of(Roles.DISTRICT_CLERK), null), "220421"),
                "a clerk without an orgUnit claim covers nothing");
    }
}
