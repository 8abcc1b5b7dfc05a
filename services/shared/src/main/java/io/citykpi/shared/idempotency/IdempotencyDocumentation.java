package io.citykpi.shared.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the {@code Idempotency-Key} header on every POST that takes a request body (each one
 * creates a record and is {@link Idempotent}; the malformed-input test checks that each one honours it).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyDocumentation implements OASFilter {

    @Override
    public PathItem filterPathItem(PathItem path) {
        Operation post = path.getPOST();
        if (post != null && post.getRequestBody() != null && (post.getParameters() == null
                || post.getParameters().stream().noneMatch(p -> Idempotent.HEADER.equals(p.getName())))) {
            post.addParameter(OASFactory.createParameter()
                    .name(Idempotent.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("Any unique string up to 200 visible ASCII characters (a UUID is best). Sent again "
                            + "with the same request within 24 h, the first answer comes back and nothing is written "
                            + "twice; with another request it is a 409 (idempotency-key-reused). A request that "
                            + "failed stores nothing and may be retried with the same key.")
                    .example("0b9e4f3c-6d2a-4f8e-9a71-3c5d2e8f1a40")
                    .schema(OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).maxLength(200)));
        }
        return path;
    }
}
