package io.citykpi.shared.security;

import io.citykpi.shared.openapi.ResourceMethods;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
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
 * <p>The resource method behind an operation is found by its HTTP method and path ({@link ResourceMethods}), so
 * operation ids are free to be the API's own names ({@code @Operation(operationId = "listProjects")}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {

    public static final String PERMISSION = "x-citykpi-permission";
    public static final String ROLES = "x-citykpi-roles";
    static final String SCHEME = "keycloak";

    private static final DotName PERMISSIONS_ALLOWED = DotName.createSimple(PermissionsAllowed.class.getName());

    private final ResourceMethods methods;

    public AccessDocumentation(IndexView index) {
        this.methods = new ResourceMethods(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                methods.of(method.name(), path).flatMap(AccessDocumentation::permission)
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
        return ResourceMethods.annotation(method, PERMISSIONS_ALLOWED)
                .filter(allowed -> allowed.value() != null && allowed.value().asStringArray().length > 0)
                .map(allowed -> allowed.value().asStringArray()[0]);
    }
}
