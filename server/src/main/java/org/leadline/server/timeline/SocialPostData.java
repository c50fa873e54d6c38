package org.leadline.server.timeline;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client writes about a social-network post: where, by whom ({@code LEAD} or an
 * employee's user id), the link, the text and when it was posted.
 */
public record SocialPostData(
        @NotBlank(message = "is required") @Size(max = 40) String network,
        @NotBlank(message = "is required") @Size(max = 36) String author,
        @Size(max = 2000) @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https address")
        String url,
        @Size(max = 10000) String text,
        @NotNull(message = "is required") Instant postedAt) {

    public static final String LEAD = "LEAD";
}
