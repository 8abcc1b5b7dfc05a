package io.citykpi.shared.security;

import java.util.Set;

/**
 * The authenticated caller of a request, as its bearer token says.
 *
 * @param subject  the token's {@code sub}
 * @param username {@code preferred_username}, or the client id of a service account
 * @param roles    realm roles ({@code realm_access.roles})
 * @param orgUnit  the {@code orgUnit} claim: the unit the caller works for; null when the token has none
 */
public record Caller(String subject, String username, Set<String> roles, String orgUnit) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Actor actor() {
        return new Actor(subject, username);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** For log lines and problem details: {@code clerk-220402 (district-clerk of 220402)}. */
    public String describe() {
        String role = hasRole(Roles.CITY_ADMIN) ? Roles.CITY_ADMIN
                : hasRole(Roles.DISTRICT_CLERK) ? Roles.DISTRICT_CLERK
                : roles.stream().filter(Roles.ALL::contains).sorted().findFirst().orElse("no CityKPI role");
        return username + " (" + role + (orgUnit == null ? "" : " of " + orgUnit) + ")";
    }
}
