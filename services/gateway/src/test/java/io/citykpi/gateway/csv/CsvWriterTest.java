package io.citykpi.gateway.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    record Row(String name, BigDecimal amount, LocalDate day) {
    }

    @Test
    void quotesWhatNeedsQuotingAndWritesDecimalsPlain() throws IOException {
        CsvExport export = new CsvExport() {
            @Override
            public List<String> csvHeader() {
                return List.of("note", "value", "empty");
            }

            @Override
            public List<List<?>> csvRows() {
                return List.of(Arrays.asList("一季度开工率≥50%, 二季度\"全部\"开工", new BigDecimal("1E+2"), null));
            }
        };
        assertEquals("\uFEFFnote,value,empty\r\n\"一季度开工率≥50%, 二季度\"\"全部\"\"开工\",100,\r\n", write(export));
    }

    @Test
    void writesAListOfRecordsOneColumnPerComponent() throws IOException {
        String csv = write(List.of(new Row("东丰县", new BigDecimal("746000.00"), LocalDate.of(2025, 6, 30))));
        assertEquals("\uFEFFname,amount,day\r\n东丰县,746000.00,2025-06-30\r\n", csv);
    }

    record Change(String user, String note, BigDecimal delta) {
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaStaysText() throws IOException {
        String csv = write(List.of(
                new Change("=HYPERLINK(\"http://x\")", "+1 补录", new BigDecimal("-3.5")),
                new Change("@SUM(A1)", "-说明", null),
                new Change("\tname", "\rnote", BigDecimal.ONE),
                new Change("张三", "a=b", null)));
        // Jackson CSV also quotes a cell that starts with the apostrophe: either way a spreadsheet shows text.
        assertEquals("\uFEFFuser,note,delta\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1 补录\",-3.5\r\n"
                + "\"'@SUM(A1)\",\"'-说明\",\r\n"
                + "\"'\tname\",\"'\rnote\",1\r\n"
                + "张三,a=b,\r\n", csv);
    }

    private static String write(Object entity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvWriter().writeTo(entity, entity.getClass(), entity.getClass(), null, MediaType.valueOf("text/csv"),
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
