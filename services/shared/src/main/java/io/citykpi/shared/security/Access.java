package io.citykpi.shared.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what: the one table that turns realm roles into permissions. Resources name the permission
 * they need ({@code @PermissionsAllowed(Access.WRITE)}); {@link AccessAugmentor} grants each caller the
 * permissions of its roles. A write is further limited to the caller's org units by {@link WriteScope}.
 *
 * <table>
 *   <tr><th>permission</th><th>what</th><th>roles</th></tr>
 *   <tr><td>read</td><td>records, KPIs, targets, reference data</td><td>every CityKPI role</td></tr>
 *   <tr><td>read-audit</td><td>audit trails (who changed what, e.g. a target's history)</td>
 *       <td>city-admin, leader, auditor</td></tr>
 *   <tr><td>write</td><td>record facts (for a clerk: of its org unit and the units below it)</td>
 *       <td>city-admin, district-clerk</td></tr>
 *   <tr><td>admin</td><td>targets and administration (projection rebuild)</td><td>city-admin</td></tr>
 * </table>
 */
public final class Access {

    public static final String READ = "read";
    public static final String READ_AUDIT = "read-audit";
    public static final String WRITE = "write";
    public static final String ADMIN = "admin";

    private static final Map<String, List<String>> ROLES_BY_PERMISSION = new LinkedHashMap<>();

    static {
        ROLES_BY_PERMISSION.put(READ, Roles.ALL);
        ROLES_BY_PERMISSION.put(READ_AUDIT, List.of(Roles.CITY_ADMIN, Roles.LEADER, Roles.AUDITOR));
        ROLES_BY_PERMISSION.put(WRITE, List.of(Roles.CITY_ADMIN, Roles.DISTRICT_CLERK));
        ROLES_BY_PERMISSION.put(ADMIN, List.of(Roles.CITY_ADMIN));
    }

    private Access() {
    }

    /** The permissions a caller with these realm roles holds. */
    public static Set<String> permissionsOf(Collection<String> roles) {
        Set<String> granted = new TreeSet<>();
        ROLES_BY_PERMISSION.forEach((permission, allowed) -> {
            if (allowed.stream().anyMatch(roles::contains)) {
                granted.add(permission);
            }
        });
        return granted;
    }

    /** The realm roles that hold a permission, for documentation (OpenAPI); empty for an unknown one. */
    public static List<String> rolesWith(String permission) {
        return ROLES_BY_PERMISSION.getOrDefault(permission, List.of());
    }
}
