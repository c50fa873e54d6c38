package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;
import org.leadline.server.platform.persistence.Ids;

/**
 * A social-network post as the API reads and writes it ({@link SocialPostKind#view}). The writable
 * members are those of {@link SocialPostData}; a request body is read into this record.
 */
@Schema(name = "LeadSocialPost", description = "A post on a social network documented on the lead, by the lead or "
        + "by an employee. Either url or text is required.")
public record SocialPostView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, format = "uuid") String leadId,
        @NotBlank(message = "is required") @Size(max = 40) @Schema(example = "LinkedIn") String network,
        @NotBlank(message = "is required") @Size(max = 36)
        @Pattern(regexp = "[Ll][Ee][Aa][Dd]|" + Ids.PATTERN, message = SocialPostKind.AUTHOR)
        @Schema(description = "LEAD for a post by the lead, else the id of the employee (a user of the tenant) "
                + "who posted it") String author,
        @Size(max = 2000) @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https address")
        @Schema(format = "uri", description = "An http or https address") String url,
        @Size(max = 10000) @Schema(description = "Required when there is no url") String text,
        @NotNull(message = "is required") Instant postedAt,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true, format = "uuid") String createdBy,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version) {

    /** A page of social posts. */
    @Schema(name = "LeadSocialPostPage")
    public record Page(@NotNull List<SocialPostView> items, @NotNull PageInfo page) {
    }
}
