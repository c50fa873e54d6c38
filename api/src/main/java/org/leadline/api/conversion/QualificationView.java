package org.leadline.api.conversion;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.LeadStatus;

/**
 * What qualifying a lead did, or would do in a dry run. The server stores the answer with the
 * qualification as its JSON and replays it from there.
 */
@Schema(name = "QualificationResult", description = "What qualification did (or, in a dry run, would do): the "
        + "contact, the account and the opportunity, each created or linked to an existing one.")
public record QualificationView(
        @NotNull @Schema(format = "uuid") String leadId,
        @NotNull @Schema(description = "true for a preview that changed nothing") Boolean dryRun,
        @NotNull @Schema(description = "QUALIFIED after a qualification; the lead's current status (OPEN) in a dry run")
        LeadStatus status,
        @NotNull Part contact,
        @Schema(nullable = true, required = true, description = "Always present; null when the lead has no company name") Part account,
        @NotNull OpportunityPart opportunity,
        @Schema(description = "In a dry run: what each conversion handler the tenant enabled answered to the "
                + "preview, and what it will do once the qualification commits (for example the webhook's post); "
                + "absent after a qualification") List<Handler> handlers) {

    /** Created or linked to an existing one. */
    @Schema(name = "QualificationAction")
    public enum Action { CREATED, LINKED }

    /** The contact or account qualification made or matched. */
    @Schema(name = "QualificationPart")
    public record Part(
            @Schema(nullable = true, required = true, format = "uuid", description = "Always present; null for one a dry run would "
                    + "create") String id,
            @NotNull Action action,
            @Schema(description = "Why an existing one was linked: same e-mail (contact), same website or same "
                    + "company name (account); absent when created", example = "same e-mail") String matchedBy) {
    }

    /** The opportunity qualification made. */
    @Schema(name = "QualificationOpportunity")
    public record OpportunityPart(
            @Schema(nullable = true, required = true, format = "uuid", description = "Always present; null in a dry run") String id,
            @NotNull Action action,
            @NotNull @Schema(description = "The topic given, else the lead's, else \"Opportunity with\" the company "
                    + "or last name") String topic,
            @NotNull Integer stakeholdersCarriedOver,
            @NotNull Integer competitorsCarriedOver) {
    }

    /** What a conversion handler answered to a qualification's dry run. */
    @Schema(name = "QualificationHandlerDecision")
    public enum HandlerDecision {
        /** The handler lets the qualification go on. */
        PROCEEDS,
        /** The handler stops it: qualifying now would be refused with its reason. */
        VETOES,
        /** The handler failed or did not answer in time; as in a real qualification, that is no veto. */
        FAILED
    }

    /** One conversion handler's part in a qualification. */
    @Schema(name = "QualificationHandler")
    public record Handler(
            @NotNull @Schema(description = "The plugin's id", example = "conversion-webhook") String pluginId,
            @NotNull @Schema(description = "The extension's id", example = "webhook") String extensionId,
            @NotNull HandlerDecision decision,
            @Schema(description = "The veto's reason, or why the handler failed") String reason,
            @Schema(description = "What the handler will do once the qualification commits, in its own words",
                    example = "Posts the qualification to https://erp.example.com/leadline") String effect) {
    }

    /** The body of a qualification; it and all its members are optional. */
    @Schema(name = "QualificationRequest", description = "What to put into the opportunity; everything is optional",
            example = """
                    {"opportunity": {"topic": "CRM for 40 sellers", "estimatedValue": {"amount": 48000, "currency": "EUR"},
                                     "expectedCloseDate": "2027-03-31"}}""")
    public record Request(@Valid OpportunityInput opportunity) {
    }

    /** The opportunity's details a client may give. */
    @Schema(name = "QualificationOpportunityInput")
    public record OpportunityInput(
            @Size(max = 200) @Schema(description = "The lead's topic when absent") String topic,
            @Valid @Schema(description = "The lead's budget when absent") OpportunityView.EstimatedValue estimatedValue,
            LocalDate expectedCloseDate) {
    }
}
