package io.citykpi.gateway.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes {@link CsvExport} responses, and lists of records (one column per component), as RFC 4180
 * CSV (Jackson's CSV dataformat does the quoting) in UTF-8 with a byte-order mark so that spreadsheet
 * programs show Chinese names correctly. Text cells never start a formula (see {@link #text}).
 */
@Provider
@Produces("text/csv")
public class CsvWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

    private static final String FORMULA_START = "=+-@\t\r";
    private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(MediaType.valueOf(TEXT_CSV))
                && (CsvExport.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type));
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=UTF-8");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        if (entity instanceof CsvExport export) {
            write(writer, export.csvHeader(), export.csvRows());
        } else {
            writeRecords(writer, (Collection<?>) entity);
        }
        writer.flush();
    }

    private static void writeRecords(Writer writer, Collection<?> items) throws IOException {
        List<String> header = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        for (Object item : items) {
            if (!item.getClass().isRecord()) {
                throw new IllegalStateException("cannot write " + item.getClass() + " as CSV");
            }
            RecordComponent[] components = item.getClass().getRecordComponents();
            if (header.isEmpty()) {
                for (RecordComponent c : components) {
                    header.add(c.getName());
                }
            }
            List<Object> row = new ArrayList<>();
            for (RecordComponent c : components) {
                try {
                    row.add(c.getAccessor().invoke(item));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            rows.add(row);
        }
        write(writer, header, rows);
    }

    private static void write(Writer writer, List<String> header, List<List<?>> rows) throws IOException {
        try (SequenceWriter lines = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(writer)) {
            lines.write(header.stream().map(CsvWriter::neutralised).toList());
            for (List<?> row : rows) {
                lines.write(row.stream().map(CsvWriter::text).toList());
            }
        }
    }

    /**
     * Cells as text: decimals never in exponent form, dates and times in ISO 8601, null as empty. Text
     * that a spreadsheet would run as a formula (CSV injection, OWASP) gets a leading apostrophe: a
     * cell beginning with =, +, -, @, a tab or a carriage return. Numbers are written as they are, so
     * a negative growth stays a number.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        return neutralised(value.toString());
    }

    static String neutralised(String text) {
        if (!text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
