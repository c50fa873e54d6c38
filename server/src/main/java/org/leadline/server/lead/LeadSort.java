package org.leadline.server.lead;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leadline.server.platform.problem.ProblemException;

/**
 * The orders a lead list can be sorted in. Each sorts by one indexed column and then by id, which
 * makes the order total so a keyset cursor never skips or repeats a lead.
 */
enum LeadSort {
    CREATED_AT("createdAt", "created_at", l -> l.createdAt().toString()),
    UPDATED_AT("updatedAt", "updated_at", l -> l.updatedAt().toString()),
    LAST_NAME("lastName", "last_name_key", Lead::lastNameKey),
    COMPANY_NAME("companyName", "company_key", Lead::companyKey);

    final String param;
    /** The column sorted by (lower-cased keys for the names). */
    final String column;
    final Function<Lead, String> keyOf;

    LeadSort(String param, String column, Function<Lead, String> keyOf) {
        this.param = param;
        this.column = column;
        this.keyOf = keyOf;
    }

    boolean isInstant() {
        return this == CREATED_AT || this == UPDATED_AT;
    }

    Object parseKey(String key) {
        return isInstant() ? Instant.parse(key) : key;
    }

    /** A sort parameter: a field name, with a leading {@code -} for descending. */
    record Order(LeadSort sort, boolean descending) {
        static Order parse(String text) {
            if (text == null || text.isBlank()) {
                return new Order(CREATED_AT, true);
            }
            boolean desc = text.startsWith("-");
            String name = desc || text.startsWith("+") ? text.substring(1) : text;
            for (LeadSort s : values()) {
                if (s.param.equals(name)) {
                    return new Order(s, desc);
                }
            }
            throw ProblemException.parameter("sort", "must be one of "
                    + Arrays.stream(values()).map(s -> s.param).collect(Collectors.joining(", "))
                    + ", with a leading - for descending order");
        }

        String param() {
            return (descending ? "-" : "") + sort.param;
        }
    }
}
