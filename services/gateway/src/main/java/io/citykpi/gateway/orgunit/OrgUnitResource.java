package io.citykpi.gateway.orgunit;

import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/org-units")
@Tag(name = "Organisation units", description = "The tree KPIs roll up along")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public class OrgUnitResource {

    private final OrgUnitRegistry registry;

    public OrgUnitResource(OrgUnitRegistry registry) {
        this.registry = registry;
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Operation(operationId = "listOrgUnits", summary = "List organisation units",
            description = "The city first, then its districts, counties and zones; codes are GB/T 2260 where one exists. "
                    + "Also as CSV with Accept: text/csv.")
    public List<OrgUnit> list() {
        return registry.all();
    }
}
