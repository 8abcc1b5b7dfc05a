package io.citykpi.gateway.csv;

import java.util.List;

/** A response that can also be served as CSV (Accept: text/csv): one header row, then the rows. */
public interface CsvExport {

    List<String> csvHeader();

    List<List<?>> csvRows();
}
