package io.citykpi.shared.security;

import io.citykpi.shared.problem.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A missing, expired or foreign token (401) and a role that does not allow the operation (403) are
 * answered as problem+json like every other error, naming what was missing. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so that these failures reach the REST layer.
 */
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);
    static final String CHALLENGE = "Bearer realm=\"citykpi\"";

    private final Callers callers;

    public SecurityProblems(Callers callers) {
        this.callers = callers;
    }

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException e, UriInfo uri) {
        return unauthorized(CHALLENGE, "This operation needs a bearer token: send 'Authorization: Bearer <access token>' "
                + "with a token of the city's Keycloak (realm citykpi, audience citykpi-api)", uri);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        boolean sent = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (!sent) {
            return noToken(new UnauthorizedException(), uri);
        }
        LOG.debugf("Refused a bearer token on %s: %s", path(uri), e.getMessage());
        return unauthorized(CHALLENGE + ", error=\"invalid_token\"", "The bearer token was not accepted: it is expired, "
                + "malformed, not signed by the realm citykpi or not meant for the audience citykpi-api; get a new one", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        Set<String> needed = permissionsOf(resource);
        Set<String> roles = new LinkedHashSet<>();
        needed.forEach(permission -> roles.addAll(Access.rolesWith(permission)));
        String who = callers.current().map(Caller::describe).orElse("the caller");
        String detail = roles.isEmpty() ? who + " may not call this operation"
                : who + " may not call this operation: it needs the permission " + String.join(" or ", needed)
                        + ", held by the roles " + String.join(", ", roles);
        LOG.infof("Refused %s to %s: needs %s", path(uri), who, needed);
        return Problems.response(403, "forbidden", "Not allowed", detail, path(uri), List.of(),
                Map.of("requiredRoles", List.copyOf(roles)));
    }

    private static Response unauthorized(String challenge, String detail, UriInfo uri) {
        Response problem = Problems.response(401, "unauthorized", "Authentication required", detail, path(uri),
                List.of(), Map.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private static Set<String> permissionsOf(ResourceInfo resource) {
        Set<String> permissions = new LinkedHashSet<>();
        if (resource == null || resource.getResourceMethod() == null) {
            return permissions;
        }
        Method method = resource.getResourceMethod();
        PermissionsAllowed allowed = method.getAnnotation(PermissionsAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(PermissionsAllowed.class);
        }
        if (allowed != null) {
            permissions.addAll(Arrays.asList(allowed.value()));
        }
        return permissions;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
