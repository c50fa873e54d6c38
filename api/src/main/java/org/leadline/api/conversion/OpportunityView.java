package org.leadline.api.conversion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;
import org.leadline.api.party.Attitude;
import org.leadline.api.party.BuyingRole;
import org.leadline.api.party.CompetitorStatus;

/**
 * An opportunity as the API writes it: every member is present, the optional ones as null when
 * they have no value, except closedAt and closeReason, which are sent as null while the
 * opportunity is open.
 */
@Schema(name = "Opportunity", description = "A deal in the pipeline, made from a qualified lead, with the lead's "
        + "stakeholders and competitors carried over. Optional members are sent as null when they have no value.")
public record OpportunityView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull @Schema(format = "uuid", description = "The lead it was qualified from") String leadId,
        @NotNull @Schema(format = "uuid") String contactId,
        @Schema(nullable = true, format = "uuid", description = "Null when the lead had no company") String accountId,
        @NotNull String topic,
        @Schema(nullable = true, description = "The lead's budget at qualification; null when none") Amount budget,
        @Schema(nullable = true, description = "Null when none") Amount estimatedValue,
        @Schema(nullable = true, description = "Null when none") LocalDate expectedCloseDate,
        @NotNull Stage stage,
        @NotNull @Schema(description = "The lead's stakeholders as they were at qualification") List<Stakeholder> stakeholders,
        @NotNull @Schema(description = "The lead's competitors as they were at qualification") List<Competitor> competitors,
        @Schema(nullable = true, description = "When it was won or lost; null while open") Instant closedAt,
        @Schema(nullable = true, description = "Why it was won or lost; null when none was given") String closeReason,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        @NotNull @Schema(description = "Increases with every change; the ETag carries it") Long version) {

    /** The pipeline stages; WON and LOST close the opportunity. */
    @Schema(name = "OpportunityStage", description = "The pipeline stage; WON and LOST close the opportunity")
    public enum Stage { PROSPECTING, PROPOSAL, NEGOTIATION, WON, LOST }

    /** An amount of money as the opportunity holds it. */
    @Schema(name = "OpportunityAmount")
    public record Amount(
            @NotNull java.math.BigDecimal amount,
            @NotNull @Size(max = 3) @Schema(description = "ISO 4217 currency code, e.g. EUR; an empty string when "
                    + "none was recorded") String currency) {
    }

    /** A stakeholder of the lead, carried over. */
    @Schema(name = "OpportunityStakeholder")
    public record Stakeholder(@NotNull String name, @NotNull BuyingRole role, @NotNull Attitude attitude,
                              String jobTitle, String email, String phone) {
    }

    /** A competitor of the lead, carried over. */
    @Schema(name = "OpportunityCompetitor")
    public record Competitor(@NotNull String name, @NotNull CompetitorStatus status, String offer, String strengths,
                             String weaknesses) {
    }

    /** A page of opportunities, oldest first. */
    @Schema(name = "OpportunityPage")
    public record Page(@NotNull List<OpportunityView> items, @NotNull PageInfo page) {
    }

    /** The members a merge patch of an opportunity may carry. */
    @Schema(name = "OpportunityChanges", description = "An RFC 7396 merge patch: members sent replace the stored ones, "
            + "null clears an optional one, absent members stay. Moving to WON or LOST closes the opportunity; a "
            + "closed one changes only by moving it back to an open stage.")
    public record Changes(
            @NotNull @Size(max = 200) @Schema(description = "Cannot be cleared") String topic,
            @Valid @Schema(nullable = true, description = "Null clears it") EstimatedValue estimatedValue,
            @Schema(nullable = true, description = "Null clears it") LocalDate expectedCloseDate,
            Stage stage,
            @Size(max = 2000) @Schema(description = "Why it was won or lost, kept when the stage moves to WON or LOST")
            String closeReason) {
    }

    /** An amount of money as a client sends it; the currency is stored upper-case. */
    @Schema(name = "EstimatedValue")
    public record EstimatedValue(
            @NotNull @jakarta.validation.constraints.DecimalMin(value = "0", message = AMOUNT)
            @jakarta.validation.constraints.Digits(integer = 17, fraction = 2, message = AMOUNT)
            @Schema(description = "0 to 99999999999999999, at most 2 decimals")
            java.math.BigDecimal amount,
            @NotNull(message = CURRENCY) @Pattern(regexp = "[A-Za-z]{3}", message = CURRENCY)
            @Schema(description = "ISO 4217 currency code", example = "EUR")
            String currency) {

        static final String AMOUNT = "must be an amount between 0 and 99999999999999999 with at most 2 decimals";
        static final String CURRENCY = "must be an ISO 4217 currency code like EUR";
    }

    /** The body of win and lose, optional. */
    @Schema(name = "OpportunityClosing")
    public record Closing(@Size(max = 2000) @Schema(description = "Why it was won or lost") String reason) {
    }
}
