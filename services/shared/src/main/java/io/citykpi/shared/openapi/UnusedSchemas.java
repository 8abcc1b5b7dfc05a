package io.citykpi.shared.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Leaves out of a service's document the schemas none of its operations uses: the scan of the shared jar offers
 * every annotated type (the livelihood service would otherwise document the projects' Sector), and a front-end
 * team's lint reports each one. Runs last, after the filters that add references.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -20)
public class UnusedSchemas implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";

    private final Set<String> referenced = new HashSet<>();

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
            referenced.add(schema.getRef().substring(PREFIX.length()));
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (String name : List.copyOf(openAPI.getComponents().getSchemas().keySet())) {
            if (!referenced.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }
}
