package io.citykpi.shared.security;

import java.util.Objects;

/**
 * Who made a write, as it is stored with the rows it changed and carried by its event
 * ({@code ce_actor}, {@code ce_actorid}).
 *
 * @param id   the token's subject ({@code sub}), stable across renames; {@code system:<service>} for what a
 *             service does on its own (a hazard becoming overdue)
 * @param name the user name ({@code preferred_username}), or the client id of a service account
 */
public record Actor(String id, String name) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** The service itself, for changes no request asked for (scheduled jobs). */
    public static Actor system(String service) {
        return new Actor("system:" + service, "system:" + service);
    }
}
