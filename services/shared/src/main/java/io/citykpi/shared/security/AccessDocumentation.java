package io.citykpi.shared.security;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Documents in the OpenAPI document who may call each operation, read from the {@code @PermissionsAllowed}
 * that Quarkus enforces: the extension {@code x-citykpi-permission} (read, read-audit, write or admin), the
 * roles that hold it ({@code x-citykpi-roles}, also in the description) and the security requirement. An
 * operation without the annotation (refused to everyone) gets no extension, and the generated authorization
 * test fails on it. (The 401 and 403 responses themselves come from ProblemResponsesFilter.)
 *
 * <p>The resource method behind an operation is found by its HTTP method and path in the build's Jandex index,
 * so operation ids are free to be the API's own names ({@code @Operation(operationId = "listProjects")}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {

    public static final String PERMISSION = "x-citykpi-permission";
    public static final String ROLES = "x-citykpi-roles";
    static final String SCHEME = "keycloak";

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName PERMISSIONS_ALLOWED = DotName.createSimple(PermissionsAllowed.class.getName());
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** "GET /api/v1/projects/{id}" to the permission its resource method (or class) requires. */
    private final Map<String, Optional<String>> permissions = new HashMap<>();

    public AccessDocumentation(IndexView index) {
        Set<ClassInfo> resources = new HashSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() == AnnotationTarget.Kind.CLASS) {
                resources.add(path.target().asClass());
            } else if (path.target().kind() == AnnotationTarget.Kind.METHOD) {
                resources.add(path.target().asMethod().declaringClass());
            }
        }
        for (ClassInfo resource : resources) {
            AnnotationInstance classPath = resource.declaredAnnotation(PATH);
            for (MethodInfo method : resource.methods()) {
                for (String verb : HTTP_METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))) {
                        AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                        String path = join(classPath == null ? "" : classPath.value().asString(),
                                methodPath == null ? "" : methodPath.value().asString());
                        permissions.put(verb + " " + path, permission(method));
                    }
                }
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                permissions.getOrDefault(method.name() + " " + path, Optional.empty())
                        .ifPresent(permission -> document(operation, permission))));
    }

    private static void document(Operation operation, String permission) {
        List<String> roles = Access.rolesWith(permission);
        operation.addExtension(PERMISSION, permission);
        operation.addExtension(ROLES, roles);
        String who = "Roles: " + String.join(", ", roles) + (Access.WRITE.equals(permission)
                ? " (a district-clerk only for its own org unit and the units below it)." : ".");
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
    }

    private static Optional<String> permission(MethodInfo method) {
        AnnotationInstance allowed = method.declaredAnnotation(PERMISSIONS_ALLOWED);
        if (allowed == null) {
            allowed = method.declaringClass().declaredAnnotation(PERMISSIONS_ALLOWED);
        }
        if (allowed == null || allowed.value() == null) {
            return Optional.empty();
        }
        String[] values = allowed.value().asStringArray();
        return values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    /** A class and a method @Path as the OpenAPI document writes them: one slash between parts, no regex. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
