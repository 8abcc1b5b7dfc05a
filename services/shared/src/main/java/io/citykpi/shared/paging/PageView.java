package io.citykpi.shared.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the page metadata in the body (front ends need the total for paginators). */
public record PageView<T>(List<T> items, PageInfo page) {

    @Schema(name = "PageInfo")
    public record PageInfo(
            @Schema(description = "Page number, from 0", example = "0") int number,
            @Schema(description = "Page size", example = "20") int size,
            @Schema(description = "Items matching the filters", example = "45") long totalElements,
            @Schema(description = "Pages at this size", example = "3") int totalPages) {
    }

    public static <T> PageView<T> of(List<T> items, int number, int size, long total) {
        return new PageView<>(items, new PageInfo(number, size, total, (int) ((total + size - 1) / size)));
    }
}
