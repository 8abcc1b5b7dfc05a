package io.citykpi.projects.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.citykpi.shared.contract.projects.ConstructionType;
import io.citykpi.projects.project.Project;
import io.citykpi.projects.project.ProjectService;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.projects.project.RegisterProjectRequest;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.sector.Sector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Imports a district's project spreadsheet (CSV, UTF-8) all or nothing: every row is checked against
 * the same rules as a single registration, and one bad row means nothing is written.
 */
@ApplicationScoped
public class ProjectImportService {

    static final int MAX_ROWS = 5000;
    private static final Logger LOG = Logger.getLogger(ProjectImportService.class);

    private final ProjectService projects;
    private final Validator validator;
    private final CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    public ProjectImportService(ProjectService projects, Validator validator) {
        this.projects = projects;
        this.validator = validator;
    }

    private record Row(int line, RegisterProjectRequest request) {
    }

    @Transactional
    public ImportResult importCsv(String body) {
        List<Map<String, String>> records = read(body);
        Map<ImportColumn, String> headers = columns(records.isEmpty() ? List.of() : List.copyOf(records.get(0).keySet()));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> codeLines = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int line = i + 2;
            RowReader reader = new RowReader(records.get(i), headers, line, errors);
            RegisterProjectRequest request = new RegisterProjectRequest(
                    reader.text(ImportColumn.CODE), reader.text(ImportColumn.NAME), reader.text(ImportColumn.ORG_UNIT),
                    reader.parse(ImportColumn.SECTOR, Sector::parse, "must be a sector code or its Chinese name"),
                    reader.parse(ImportColumn.CONSTRUCTION_TYPE, ConstructionType::parse, "must be 新建, 续建 or 扩建/技改"),
                    reader.parse(ImportColumn.TOTAL_INVESTMENT, BigDecimal::new, "must be a number of 万元"),
                    reader.text(ImportColumn.LEAD_UNIT), reader.text(ImportColumn.LOCATION),
                    reader.text(ImportColumn.DESCRIPTION),
                    reader.parse(ImportColumn.REGISTERED_ON, LocalDate::parse, "must be a date, yyyy-MM-dd"),
                    reader.parse(ImportColumn.INITIAL_STAGE, ProjectStage::parse, "must be a stage code or its Chinese name"));
            for (ConstraintViolation<RegisterProjectRequest> violation : validator.validate(request)) {
                String field = violation.getPropertyPath().toString();
                if (!reader.failed(field)) {
                    errors.add(new Problem.FieldError(rowField(line, field),
                            violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            violation.getMessage()));
                }
            }
            if (request.initialStage() != null && !request.initialStage().isValidInitialStage()) {
                errors.add(new Problem.FieldError(rowField(line, "initialStage"), "InitialStage",
                        "a project cannot enter the register " + request.initialStage()));
            }
            if (request.code() != null) {
                Integer first = codeLines.putIfAbsent(request.code(), line);
                if (first != null) {
                    errors.add(new Problem.FieldError(rowField(line, "code"), "UniqueInFile",
                            "code " + request.code() + " is also on line " + first));
                } else if (Project.findByCode(request.code()).isPresent()) {
                    errors.add(new Problem.FieldError(rowField(line, "code"), "Unique",
                            "a project with code " + request.code() + " is already registered"));
                }
            }
            rows.add(new Row(line, request));
        }
        if (!errors.isEmpty()) {
            LOG.infof("Project import refused: %d errors in %d rows, nothing imported", errors.size(), rows.size());
            throw new InvalidFieldsException(errors);
        }
        List<ImportResult.ImportedProject> imported = rows.stream()
                .map(row -> {
                    Project project = projects.registerProject(row.request());
                    return new ImportResult.ImportedProject(row.line(), project.id, project.code);
                })
                .toList();
        LOG.infof("Imported %d projects", imported.size());
        return new ImportResult(imported.size(), imported);
    }

    private List<Map<String, String>> read(String body) {
        String text = body == null ? "" : body.replace("\uFEFF", "");
        if (text.isBlank()) {
            throw InvalidFieldsException.of("(body)", "NotEmpty", "the CSV has no header row");
        }
        try (MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            List<Map<String, String>> records = new ArrayList<>();
            while (it.hasNextValue()) {
                records.add(it.nextValue());
                if (records.size() > MAX_ROWS) {
                    throw InvalidFieldsException.of("(body)", "MaxRows", "at most " + MAX_ROWS + " rows per import");
                }
            }
            if (records.isEmpty()) {
                throw InvalidFieldsException.of("(body)", "NotEmpty", "the CSV has a header but no rows");
            }
            return records;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidFieldsException invalid) {
                throw invalid;
            }
            throw InvalidFieldsException.of("(body)", "CsvSyntax", "is not readable CSV: " + e.getMessage());
        }
    }

    private static Map<ImportColumn, String> columns(List<String> headers) {
        Map<ImportColumn, String> columns = new EnumMap<>(ImportColumn.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String header : headers) {
            ImportColumn.forHeader(header).ifPresentOrElse(column -> columns.put(column, header),
                    () -> errors.add(new Problem.FieldError("header." + header, "UnknownColumn",
                            "is not a column of the project import; columns: " + Arrays.stream(ImportColumn.values())
                                    .map(c -> c.headers.get(0)).toList())));
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required && !columns.containsKey(column)) {
                errors.add(new Problem.FieldError("header." + column.headers.get(0), "MissingColumn",
                        "the column is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return columns;
    }

    static String rowField(int line, String field) {
        return "rows[" + line + "]." + field;
    }

    /** Reads one CSV row, recording a field error for every cell that cannot be read. */
    private static final class RowReader {
        private final Map<String, String> record;
        private final Map<ImportColumn, String> headers;
        private final int line;
        private final List<Problem.FieldError> errors;
        private final List<String> failedFields = new ArrayList<>();

        RowReader(Map<String, String> record, Map<ImportColumn, String> headers, int line, List<Problem.FieldError> errors) {
            this.record = record;
            this.headers = headers;
            this.line = line;
            this.errors = errors;
        }

        String text(ImportColumn column) {
            String header = headers.get(column);
            String value = header == null ? null : record.get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }

        <T> T parse(ImportColumn column, Function<String, T> parser, String expectation) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                failedFields.add(column.field);
                errors.add(new Problem.FieldError(rowField(line, column.field), "Type", expectation + ", was '" + value + "'"));
                return null;
            }
        }

        boolean failed(String field) {
            return failedFields.contains(field);
        }
    }
}
