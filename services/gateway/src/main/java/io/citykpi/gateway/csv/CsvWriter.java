package io.citykpi.gateway.csv;

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
 * CSV in UTF-8 with a byte-order mark so that spreadsheet programs show Chinese names correctly.
 */
@Provider
@Produces("text/csv")
public class CsvWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

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
        line(writer, header);
        for (List<?> row : rows) {
            line(writer, row);
        }
    }

    private static void line(Writer writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(escape(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
