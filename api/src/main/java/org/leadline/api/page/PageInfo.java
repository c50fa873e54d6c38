package org.leadline.api.page;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a page of a collection stands. Every collection answers with {@code items} and this
 * {@code page}; the next page's address is also in the {@code Link: <…>; rel="next"} header.
 */
@Schema(name = "PageInfo", description = "Where this page stands; nextCursor is absent on the last page")
public record PageInfo(
        @NotNull @Schema(description = "The page size used", example = "50") Integer limit,
        @Schema(description = "The sort order used, where the collection can be sorted", example = "-createdAt")
        String sort,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page") String nextCursor) {

    public static PageInfo of(int limit, String nextCursor) {
        return new PageInfo(limit, null, nextCursor);
    }

    /**
     * The page of a collection answered whole, never more than {@code bound} items (a tenant's web
     * forms, say): one page, no next.
     */
    public static PageInfo whole(int bound) {
        return new PageInfo(bound, null, null);
    }
}
