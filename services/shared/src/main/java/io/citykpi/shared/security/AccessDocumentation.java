package io.citykpi.shared.security;

import io.citykpi.shared.problem.Problem;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents in the OpenAPI document who may call each operation, read from the {@code @PermissionsAllowed}
 * that Quarkus enforces: the extension {@code x-citykpi-permission} (read, read-audit, write or admin), the
 * roles that hold it ({@code x-citykpi-roles}, also in the description), the security requirement, and
 * the 401 and 403 problem responses. An operation without the annotation (refused to everyone) gets no
 * extension, and the generated authorization test fails on it.
 *
 * <p>Runs at build time, when operation ids are {@code <package>.<Class>_<method>}
 * ({@code quarkus.smallrye-openapi.operation-id-strategy=PACKAGE_CLASS_METHOD}); it shortens them to
 * {@code <Class>_<method>}, unique in the document.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {

    public static final String PERMISSION = "x-citykpi-permission";
    public static final String ROLES = "x-citykpi-roles";
    static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            document(path, method.name(), operation);
            // Two resource methods may share a name (GET list, POST .../listing); operation ids must not.
            if (operation.getOperationId() != null && !ids.add(operation.getOperationId())) {
                operation.setOperationId(operation.getOperationId() + "_" + method.name().toLowerCase());
                ids.add(operation.getOperationId());
            }
        }));
    }

    private void document(String path, String httpMethod, Operation operation) {
        String id = operation.getOperationId();
        if (id == null || !id.contains("_")) {
            return;
        }
        int split = id.lastIndexOf('_');
        String className = id.substring(0, split);
        String methodName = id.substring(split + 1);
        operation.setOperationId(className.substring(className.lastIndexOf('.') + 1) + "_" + methodName);
        Optional<String> permission = resourceMethod(className, methodName, httpMethod, path).flatMap(
                AccessDocumentation::permission);
        if (permission.isEmpty()) {
            return;
        }
        List<String> roles = Access.rolesWith(permission.get());
        operation.addExtension(PERMISSION, permission.get());
        operation.addExtension(ROLES, roles);
        String who = "Roles: " + String.join(", ", roles) + (Access.WRITE.equals(permission.get())
                ? " (a district-clerk only for its own org unit and the units below it)." : ".");
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        if (operation.getResponses() != null) {
            operation.getResponses().addAPIResponse("401", problem("No bearer token, or one that is expired, "
                    + "malformed, not signed by the realm or not meant for the audience citykpi-api"));
            operation.getResponses().addAPIResponse("403", problem(Access.WRITE.equals(permission.get())
                    ? "The caller's roles do not allow it, or the org unit written is outside the clerk's"
                    : "The caller's roles do not allow it"));
        }
    }

    /** The Java method behind an operation: its name, HTTP method and (when names repeat) its @Path decide. */
    private static Optional<Method> resourceMethod(String className, String methodName, String httpMethod, String path) {
        Class<?> type;
        try {
            type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        List<Method> candidates = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName))
                .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(a -> isHttpMethod(a, httpMethod)))
                .toList();
        if (candidates.size() > 1) {
            candidates = candidates.stream().filter(m -> {
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                return sub != null && path.endsWith("/" + sub.value().replaceAll("^/|/$", ""));
            }).toList();
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean isHttpMethod(Annotation annotation, String httpMethod) {
        jakarta.ws.rs.HttpMethod verb = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
        return verb != null && verb.value().equalsIgnoreCase(httpMethod);
    }

    private static Optional<String> permission(Method method) {
        PermissionsAllowed allowed = method.getAnnotation(PermissionsAllowed.class);
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(PermissionsAllowed.class);
        }
        return allowed == null ? Optional.empty() : Arrays.stream(allowed.value()).findFirst();
    }

    private static APIResponse problem(String description) {
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
