package io.citykpi.shared.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Every operation documents the 500 it can answer, as problem+json like every other error. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("500")) {
            Schema problem = OASFactory.createSchema().ref("#/components/schemas/Problem");
            MediaType media = OASFactory.createMediaType().schema(problem);
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
            APIResponse response = OASFactory.createAPIResponse()
                    .description("Unexpected error; the details are in the service's log")
                    .content(content);
            operation.getResponses().addAPIResponse("500", response);
        }
        return operation;
    }
}
