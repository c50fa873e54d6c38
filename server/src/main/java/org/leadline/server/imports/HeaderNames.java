package org.leadline.server.imports;

import org.leadline.plugin.api.source.CsvDialects;

/**
 * Recognises the column headers of the lead exports an import is likely to meet, from the one
 * table of CSV dialects ({@link CsvDialects}) that CSV lead sources read too: our own export,
 * Salesforce (API names and report labels), Dynamics 365 (display and logical names), HubSpot,
 * Pipedrive, Zoho, and German, French and Spanish headers. Headers are compared without case,
 * accents, spaces and punctuation, so "Zip/Postal Code" and "ZIP/Postal Code" are the same column.
 */
final class HeaderNames {

    private HeaderNames() {
    }

    /** The lead field a header names, or null. */
    static LeadColumn column(String header) {
        String field = CsvDialects.field(header);
        return field == null ? null : LeadColumn.byHeader(field);
    }

    /** Whether a header is known and deliberately not imported (server-owned or another system's workflow). */
    static boolean ignored(String header) {
        return CsvDialects.ignored(header);
    }

    static String normalize(String header) {
        return CsvDialects.normalize(header);
    }
}
