package io.citykpi.shared.paging;

import io.citykpi.shared.openapi.ResourceMethods;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * Gives every paged list its schema: a resource method returning {@code PageView<ProjectView>} whose 200 answer the
 * annotations describe without a schema (Java's generics leave the annotation nothing to name) gets a component
 * {@code ProjectPage} (its items and the {@code PageInfo}), so that a generated client types the items.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PageSchemas implements OASFilter {

    private static final DotName PAGE_VIEW = DotName.createSimple(PageView.class.getName());
    private static final DotName SCHEMA = DotName.createSimple(
            org.eclipse.microprofile.openapi.annotations.media.Schema.class.getName());
    private static final String PAGE_INFO = "PageInfo";

    private final IndexView index;
    private final ResourceMethods methods;

    public PageSchemas(IndexView index) {
        this.index = index;
        this.methods = new ResourceMethods(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(PAGE_INFO)) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((verb, operation) ->
                methods.of(verb.name(), path).map(m -> m.returnType()).filter(this::isPage).ifPresent(page -> {
                    String itemSchema = schemaName(page.asParameterizedType().arguments().get(0).name());
                    APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
                    MediaType json = ok == null || ok.getContent() == null ? null
                            : ok.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
                    if (!components.containsKey(itemSchema) || json == null || json.getSchema() != null) {
                        return;
                    }
                    String pageSchema = itemSchema + "Page";
                    if (!components.containsKey(pageSchema)) {
                        openAPI.getComponents().addSchema(pageSchema, OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description("One page of " + itemSchema + " items, with the page metadata")
                                .addProperty("items", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                                        .items(OASFactory.createSchema().ref("#/components/schemas/" + itemSchema)))
                                .addProperty("page", OASFactory.createSchema().ref("#/components/schemas/" + PAGE_INFO))
                                .required(List.of("items", "page")));
                    }
                    json.setSchema(OASFactory.createSchema().ref("#/components/schemas/" + pageSchema));
                })));
    }

    private boolean isPage(Type type) {
        return type.kind() == Type.Kind.PARAMETERIZED_TYPE && type.name().equals(PAGE_VIEW)
                && type.asParameterizedType().arguments().size() == 1;
    }

    /** The component name smallrye gives a class: its @Schema(name), or else its simple name. */
    private String schemaName(DotName type) {
        ClassInfo info = index.getClassByName(type);
        AnnotationInstance schema = info == null ? null : info.declaredAnnotation(SCHEMA);
        if (schema != null && schema.value("name") != null) {
            return schema.value("name").asString();
        }
        String local = type.withoutPackagePrefix();
        return local.substring(local.lastIndexOf('$') + 1);
    }
}
