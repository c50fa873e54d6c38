package org.leadline.server.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client writes about a competitor. A missing status is UNKNOWN. */
public record CompetitorData(
        @NotBlank(message = "is required") @Size(max = 200) String name,
        @Size(max = 2000) String offer,
        @Size(max = 2000) String strengths,
        @Size(max = 2000) String weaknesses,
        CompetitorStatus status) {
}
