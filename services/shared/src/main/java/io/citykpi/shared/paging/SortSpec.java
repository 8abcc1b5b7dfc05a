package io.citykpi.shared.paging;

import io.citykpi.shared.problem.InvalidFieldsException;
import io.quarkus.panache.common.Sort;
import java.util.Map;
import java.util.TreeSet;

/** Reads a list's {@code sort} parameter: fields, comma-separated, {@code -} for descending. */
public final class SortSpec {

    private SortSpec() {
    }

    /**
     * @param spec       the parameter as given, e.g. {@code -totalInvestment,code}; blank means {@code defaultSpec}
     * @param sortable   API field name → entity attribute; anything else is a 400 naming the parameter
     * @param tieBreaker attribute appended last, so pages are stable
     */
    public static Sort parse(String spec, String defaultSpec, Map<String, String> sortable, String tieBreaker) {
        Sort sort = null;
        for (String part : (spec == null || spec.isBlank() ? defaultSpec : spec).split(",")) {
            String p = part.strip();
            boolean descending = p.startsWith("-");
            String field = sortable.get(descending ? p.substring(1) : p);
            if (field == null) {
                throw InvalidFieldsException.of("sort", "Sortable", "cannot sort by '" + p + "'; use one of "
                        + new TreeSet<>(sortable.keySet()) + ", with - for descending");
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            sort = sort == null ? Sort.by(field, direction) : sort.and(field, direction);
        }
        return sort.and(tieBreaker);
    }
}
