package io.citykpi.shared.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says in the schemas what the services send: a property that is not required may be {@code null} (Jackson writes
 * an absent value as null: a project's first stage change has {@code "fromStage": null}, a first report
 * {@code "previousAmount": null}). Without this the document claims {@code type: string} for such a field, a
 * generated client rejects or mistypes the real answers, and the examples taken from them break their schemas.
 * Required properties ({@code @NotNull} or {@code @Schema(required = true)}) stay non-null.
 *
 * <p>In OpenAPI 3.1 terms: {@code "null"} joins the property's {@code type} (and its {@code enum}); a property
 * that is a {@code $ref} becomes {@code anyOf: [the reference, {type: "null"}]}.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class NullableProperties implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        openAPI.getComponents().getSchemas().values().forEach(schema -> visit(schema, seen));
    }

    private static void visit(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Set<String> required = schema.getRequired() == null ? Set.of() : new HashSet<>(schema.getRequired());
            for (String name : List.copyOf(properties.keySet())) {
                Schema property = properties.get(name);
                visit(property, seen);
                if (!required.contains(name)) {
                    schema.addProperty(name, nullable(property));
                }
            }
        }
        visit(schema.getItems(), seen);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> visit(member, seen));
            }
        }
    }

    static Schema nullable(Schema property) {
        if (property == null) {
            return null;
        }
        if (property.getRef() != null) {
            // A reference cannot be widened in place: the referenced schema is shared with required uses.
            Schema wrapper = OASFactory.createSchema();
            wrapper.setDescription(property.getDescription());
            property.setDescription(null);
            wrapper.addAnyOf(property);
            wrapper.addAnyOf(OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)));
            return wrapper;
        }
        if (property.getAnyOf() != null) {
            if (property.getAnyOf().stream().noneMatch(NullableProperties::isNull)) {
                property.addAnyOf(OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)));
            }
            return property;
        }
        List<Schema.SchemaType> types = property.getType();
        if (types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> widened = new ArrayList<>(types);
            widened.add(Schema.SchemaType.NULL);
            property.setType(widened);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
    }
}
