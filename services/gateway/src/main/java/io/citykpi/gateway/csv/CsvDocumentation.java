package io.citykpi.gateway.csv;

import io.citykpi.shared.openapi.ResourceMethods;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Documents the CSV answers as what {@link CsvWriter} writes: text. A GET whose resource produces text/csv and
 * returns a {@link CsvExport} or a list gets a {@code text/csv} response typed as a string next to its JSON one;
 * every other {@code text/csv} entry (smallrye adds one, with the JSON schema and examples, wherever a class
 * produces both types) is removed, since CsvWriter cannot write those answers.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CsvDocumentation implements OASFilter {

    private static final DotName PRODUCES = DotName.createSimple("jakarta.ws.rs.Produces");
    private static final DotName CSV_EXPORT = DotName.createSimple(CsvExport.class.getName());
    private static final Set<DotName> COLLECTIONS = Set.of(DotName.createSimple(List.class.getName()),
            DotName.createSimple(java.util.Collection.class.getName()), DotName.createSimple(Set.class.getName()));

    private final IndexView index;
    private final ResourceMethods methods;

    public CsvDocumentation(IndexView index) {
        this.index = index;
        this.methods = new ResourceMethods(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((verb, operation) -> {
            if (operation.getResponses() == null) {
                return;
            }
            boolean csv = verb.name().equals("GET") && methods.of(verb.name(), path).filter(this::writesCsv).isPresent();
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                Content content = response.getContent();
                if (csv && status.equals("200")) {
                    if (content == null) {
                        content = OASFactory.createContent();
                        response.setContent(content);
                    }
                    content.addMediaType(CsvWriter.TEXT_CSV, OASFactory.createMediaType().schema(OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.STRING))
                            .description("RFC 4180 CSV in UTF-8, starting with a byte-order mark so that spreadsheet "
                                    + "programs show Chinese names: a header row, then one row per item of the JSON "
                                    + "answer (Accept: text/csv)")));
                } else if (content != null && content.hasMediaType(CsvWriter.TEXT_CSV)) {
                    content.removeMediaType(CsvWriter.TEXT_CSV);
                }
            });
        }));
    }

    private boolean writesCsv(MethodInfo method) {
        boolean produced = ResourceMethods.annotation(method, PRODUCES)
                .map(produces -> Arrays.stream(produces.value().asStringArray())
                        .anyMatch(type -> type.startsWith(CsvWriter.TEXT_CSV)))
                .orElse(false);
        DotName returned = method.returnType().name();
        return produced && (COLLECTIONS.contains(returned) || Optional.ofNullable(index.getClassByName(returned))
                .map(ClassInfo::interfaceNames).filter(names -> names.contains(CSV_EXPORT)).isPresent());
    }
}
