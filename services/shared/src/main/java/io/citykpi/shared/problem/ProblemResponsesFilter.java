package io.citykpi.shared.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every operation documents the 500 and the 503 it can answer, as problem+json like every other
 * error, and the document says once what every operation accepts (the README has the full table).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String ACCEPTS = "What every operation accepts:";
    private static final String RULES = " business dates from 2000-01-01 to today (Asia/Shanghai; deadlines up to 3 "
            + "years and planned months up to 10 years ahead), months (yyyy-MM) that have begun; strict JSON (no "
            + "duplicate or unknown keys, nothing after the document, enums by name, no numbers as strings or strings "
            + "as numbers, whole numbers for counts, dates as ISO strings); no NUL character anywhere; only the query "
            + "parameters an operation declares; URIs up to 8 KiB and bodies up to 10 MiB. Every refusal is "
            + "problem+json naming the field and the rule. A POST that creates a record takes an Idempotency-Key "
            + "header. A lost race is a 409; an unreachable database a 503 with Retry-After.";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        if (!operation.getResponses().hasAPIResponse("500")) {
            operation.getResponses().addAPIResponse("500", problem(
                    "Unexpected error; the details are in the service's log"));
        }
        if (!operation.getResponses().hasAPIResponse("503")) {
            operation.getResponses().addAPIResponse("503", problem("The service's database cannot be reached; "
                    + "nothing was changed. Retry after the number of seconds in Retry-After")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Info info = openAPI.getInfo();
        if (info != null && info.getDescription() != null && !info.getDescription().contains(ACCEPTS)) {
            info.setDescription(info.getDescription() + "\n\n" + ACCEPTS + RULES);
        }
    }

    private static APIResponse problem(String description) {
        Schema schema = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType media = OASFactory.createMediaType().schema(schema);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
