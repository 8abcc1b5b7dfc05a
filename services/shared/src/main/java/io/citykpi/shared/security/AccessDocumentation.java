package io.citykpi.shared.security;

import io.citykpi.shared.problem.Problem;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
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
 * {@code <Class>_<method>}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {

    public static final String PERMISSION = "x-citykpi-permission";
    public static final String ROLES = "x-citykpi-roles";
    static final String SCHEME = "keycloak";

    @Override
    public Operation filterOperation(Operation operation) {
        String id = operation.getOperationId();
        if (id == null || !id.contains("_")) {
            return operation;
        }
        int split = id.lastIndexOf('_');
        String className = id.substring(0, split);
        String methodName = id.substring(split + 1);
        operation.setOperationId(className.substring(className.lastIndexOf('.') + 1) + "_" + methodName);
        Optional<String> permission = permission(className, methodName);
        if (permission.isEmpty()) {
            return operation;
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
        return operation;
    }

    private static Optional<String> permission(String className, String methodName) {
        try {
            Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(methodName)) {
                    PermissionsAllowed allowed = method.getAnnotation(PermissionsAllowed.class);
                    if (allowed == null) {
                        allowed = type.getAnnotation(PermissionsAllowed.class);
                    }
                    return allowed == null ? Optional.empty() : Arrays.stream(allowed.value()).findFirst();
                }
            }
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static APIResponse problem(String description) {
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
