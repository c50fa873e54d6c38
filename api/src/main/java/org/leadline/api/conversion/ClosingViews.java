package org.leadline.api.conversion;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.Rating;

/** The bodies of closing a lead: disqualifying, reopening, the disqualification reasons, the deleted leads. */
public final class ClosingViews {

    private ClosingViews() {
    }

    /** A disqualification in force; note is null when none. */
    @Schema(name = "Disqualification", description = "Why and when a lead was set aside")
    public record DisqualificationView(
            @NotNull @Schema(description = "A built-in reason or one the tenant defined", example = "NO_BUDGET")
            String reason,
            @Schema(nullable = true, required = true, description = "Always present; null when none was given") String note,
            @NotNull Instant disqualifiedAt,
            @NotNull @Schema(format = "uuid") String disqualifiedBy) {
    }

    /** The body of a disqualification. */
    @Schema(name = "DisqualifyRequest", example = """
            {"reason": "NO_BUDGET", "note": "No budget before next fiscal year; call again in March"}""")
    public record DisqualifyRequest(
            @NotNull @Schema(description = "A built-in reason (LOST, NO_BUDGET, CANNOT_CONTACT, NO_LONGER_INTERESTED, "
                    + "CANCELLED) or one the tenant defined; case does not matter", example = "NO_BUDGET") String reason,
            @Size(max = 2000) String note) {
    }

    /**
     * A lead as disqualify and reopen answer: the lead's members and its disqualification, null
     * after reopening.
     */
    @Schema(name = "ClosingLead", description = "The lead after disqualifying or reopening it, with the "
            + "disqualification in force (null when there is none)")
    public record ClosingLead(
            @NotNull @Schema(format = "uuid") String id,
            @NotNull LeadData.Person person,
            LeadData.Company company,
            @NotNull LeadData.Origin origin,
            LeadData.Qualification qualification,
            String topic,
            String description,
            @Schema(format = "uuid") String ownerId,
            @NotNull LeadStatus status,
            Rating rating,
            Integer score,
            String stage,
            @NotNull Instant createdAt,
            @NotNull @Schema(format = "uuid") String createdBy,
            @NotNull Instant updatedAt,
            @NotNull @Schema(format = "uuid") String updatedBy,
            @NotNull @Schema(description = "Increases with every change; the ETag carries it") Long version,
            @Schema(nullable = true, required = true, description = "Always present; null when the lead is not disqualified")
            DisqualificationView disqualification) {
    }

    /** A deleted lead in the recycle bin: the lead's members and when it was deleted, by whom, until when. */
    @Schema(name = "DeletedLead", description = "A deleted lead that a tenant administrator can still restore")
    public record DeletedLead(
            @NotNull @Schema(format = "uuid") String id,
            @NotNull LeadData.Person person,
            LeadData.Company company,
            @NotNull LeadData.Origin origin,
            LeadData.Qualification qualification,
            String topic,
            String description,
            @Schema(format = "uuid") String ownerId,
            @NotNull LeadStatus status,
            Rating rating,
            Integer score,
            String stage,
            @NotNull Instant createdAt,
            @NotNull @Schema(format = "uuid") String createdBy,
            @NotNull Instant updatedAt,
            @NotNull @Schema(format = "uuid") String updatedBy,
            @NotNull Long version,
            @NotNull Instant deletedAt,
            @NotNull @Schema(format = "uuid") String deletedBy,
            @NotNull @Schema(description = "When the purge may remove it for good; it can be restored until then")
            Instant purgeAfter) {
    }

    /** A page of the recycle bin, newest deletion first. */
    @Schema(name = "DeletedLeadPage")
    public record DeletedLeads(@NotNull List<DeletedLead> items,
                               @NotNull org.leadline.api.page.PageInfo page) {
    }

    /** Every reason a lead can be disqualified with. */
    @Schema(name = "DisqualificationReasonList", description = "The built-in reasons, then the tenant's own in "
            + "alphabetical order; always one page")
    public record DisqualificationReasons(@NotNull List<String> items,
                                          @NotNull org.leadline.api.page.PageInfo page) {
    }

    /** A reason a tenant administrator adds. */
    @Schema(name = "NewDisqualificationReason")
    public record NewReason(
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}",
                    message = "must be upper-case letters, digits and _ (at most 64), starting with a letter")
            @Schema(description = "Upper-case letters, digits and _, starting with a letter", example = "WENT_WITH_PARTNER")
            String reason) {
    }
}
