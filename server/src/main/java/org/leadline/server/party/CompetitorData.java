package org.leadline.server.party;

import org.leadline.api.party.CompetitorStatus;

/**
 * What a client writes about a competitor, as checked by {@link CompetitorView} (the record a body is
 * read into). A missing status is UNKNOWN.
 */
public record CompetitorData(String name, String offer, String strengths, String weaknesses, CompetitorStatus status) {
}
