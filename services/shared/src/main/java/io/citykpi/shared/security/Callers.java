package io.citykpi.shared.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller of the current request from its verified bearer token. Outside a request (a scheduled
 * job) or without a token, the actor is the service itself ({@link Actor#system}).
 */
@ApplicationScoped
public class Callers {

    /** The access-token claim that names the org unit a user or service account works for. */
    public static final String ORG_UNIT_CLAIM = "orgUnit";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final CurrentIdentityAssociation identities;
    private final Actor system;

    public Callers(CurrentIdentityAssociation identities, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.identities = identities;
        this.system = Actor.system(service);
    }

    /** The authenticated caller of the current request, if there is one. */
    public Optional<Caller> current() {
        ManagedContext requests = Arc.container().requestContext();
        if (!requests.isActive()) {
            return Optional.empty();
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(of(identity));
    }

    /** Who is making the change now: the caller, or the service itself. */
    public Actor actor() {
        return current().map(Caller::actor).orElse(system);
    }

    /** For code that CDI does not construct (JPA callbacks): the actor of the change being made now. */
    public static Actor currentActor() {
        return Arc.container().instance(Callers.class).get().actor();
    }

    static Caller of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            String name = identity.getPrincipal().getName();
            return new Caller(name, name, identity.getRoles(), identity.getAttribute(ORG_UNIT_CLAIM));
        }
        return new Caller(token.getSubject(), username(token), identity.getRoles(), text(token.getClaim(ORG_UNIT_CLAIM)));
    }

    /** preferred_username; for a service account (client credentials) its client id, which people recognise. */
    static String username(JsonWebToken token) {
        String preferred = text(token.getClaim("preferred_username"));
        if (preferred == null) {
            return token.getSubject();
        }
        if (preferred.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            String clientId = text(token.getClaim("client_id"));
            if (clientId == null) {
                clientId = text(token.getClaim("azp"));
            }
            return clientId != null ? clientId : preferred.substring(SERVICE_ACCOUNT_PREFIX.length());
        }
        return preferred;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        // Claims arrive as jakarta.json values; a string's toString() would keep its quotes.
        String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? null : value;
    }
}
