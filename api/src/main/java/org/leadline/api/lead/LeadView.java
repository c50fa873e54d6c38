package org.leadline.api.lead;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.capture.DuplicateReason;
import org.leadline.api.lead.LeadData.Company;
import org.leadline.api.lead.LeadData.Origin;
import org.leadline.api.lead.LeadData.Person;
import org.leadline.api.lead.LeadData.Qualification;

/**
 * A lead as the API reads and writes it. The writable members are those of {@link LeadData} (a
 * test holds the two equal); the server owns the read-only ones, which a client may send back
 * unchanged, so a read-modify-write round trip works.
 */
@Schema(name = "Lead", description = "A potential customer: the person, the company, where the lead came from "
        + "and the qualification criteria (budget, need, timeframe, authority).",
        example = """
                {"id": "01a242fd-8484-7c7c-b6d2-4cf7b781d527",
                 "scoring": {"rating": "HOT", "score": 80, "ruleSetVersion": 3, "ratedAt": "2026-12-04T09:30:00Z",
                             "reasons": [{"origin": "rule", "id": "budget-and-need", "text": "Budget and need match", "points": 50}],
                             "recommendations": [{"origin": "rule", "id": "budget-and-need", "text": "Send a proposal",
                                                  "kind": "PROPOSAL", "priority": "HIGH", "dueInDays": 3,
                                                  "recommendationId": "5d41402abc4b2a76b9719d911017c592",
                                                  "dueBy": "2026-12-07T09:30:00Z"}],
                             "decidedRecommendations": []},
                 "person": {"firstName": "Anna", "lastName": "Schmidt", "email": "anna.schmidt@acme.example",
                            "jobTitle": "Head of Sales", "businessPhone": "+49 30 1234567"},
                 "company": {"name": "ACME GmbH", "website": "https://acme.example", "employees": 250},
                 "origin": {"source": "TRADE_FAIR", "detail": "Hannover Messe"},
                 "qualification": {"budget": {"amount": 50000, "currency": "EUR"}, "need": "Replace spreadsheets",
                                   "purchaseTimeframe": "THIS_QUARTER"},
                 "topic": "CRM for the sales team", "ownerId": "01a242fd-67ae-7450-919e-0cd3517f3f95",
                 "status": "OPEN", "rating": "HOT", "score": 80,
                 "createdAt": "2026-12-04T09:30:00Z", "createdBy": "01a242fd-67ae-7450-919e-0cd3517f3f95",
                 "updatedAt": "2026-12-04T09:30:00Z", "updatedBy": "01a242fd-67ae-7450-919e-0cd3517f3f95",
                 "version": 1}""")
public record LeadView(
        @Schema(readOnly = true, description = "The rating by the tenant's qualification rules, with the reasons "
                + "and the recommended actions; absent until the lead is rated")
        LeadScoring scoring,
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @NotNull(message = "is required") @Valid Person person,
        @Valid Company company,
        @NotNull(message = "is required") @Valid Origin origin,
        @Valid Qualification qualification,
        @Size(max = 200) String topic,
        @Size(max = 4000) String description,
        @Schema(format = "uuid", description = "The user who owns the lead; the creator when absent") String ownerId,
        @Schema(readOnly = true, required = true) LeadStatus status,
        @Schema(readOnly = true) Rating rating,
        @Schema(readOnly = true, description = "The score by the tenant's qualification rules") Integer score,
        @Schema(readOnly = true, description = "The key of the process stage reached (plugin-defined case)")
        String stage,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true, format = "uuid") String createdBy,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version,
        @Schema(readOnly = true, description = "Present in the answer to a create that found likely duplicates")
        List<String> warnings,
        @Schema(readOnly = true, description = "Leads that are likely the same person, in the answer to a create")
        List<DuplicateCandidate> duplicates,
        @Schema(readOnly = true, description = "What qualification made of the lead: its contact, account and "
                + "opportunity; present while the lead is QUALIFIED")
        ConversionLinks conversion) {

    /** A lead to create or replace: the members a client writes, from the lead form. */
    public static LeadView form(LeadData data) {
        return new LeadView(null, null, data.person(), data.company(), data.origin(), data.qualification(),
                data.topic(), data.description(), data.ownerId(), null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The members a client writes: the lead form. */
    public LeadData data() {
        return new LeadData(person, company, origin, qualification, topic, description, ownerId);
    }

    /** This lead with a create's duplicate warning and candidates. */
    public LeadView withDuplicates(List<String> warnings, List<DuplicateCandidate> duplicates) {
        return new LeadView(scoring, id, person, company, origin, qualification, topic, description, ownerId, status,
                rating, score, stage, createdAt, createdBy, updatedAt, updatedBy, version, warnings, duplicates,
                conversion);
    }

    /** A lead that is likely the same person as the one just created. */
    @Schema(name = "DuplicateCandidate")
    public record DuplicateCandidate(
            @NotNull @Schema(format = "uuid") String id,
            @NotNull @Schema(format = "uri") String href,
            @NotNull String lastName,
            String firstName,
            String companyName,
            String email,
            @NotNull @Schema(description = "What matched") List<DuplicateReason> reasons) {
    }

    /** The contact, account and opportunity a qualification created or linked, with their addresses. */
    @Schema(name = "LeadConversionLinks", description = "What qualification made of the lead")
    public record ConversionLinks(
            @NotNull @Schema(format = "uuid") String contactId,
            @NotNull @Schema(format = "uri", description = "The contact's address") String contactHref,
            @Schema(nullable = true, format = "uuid", description = "Null when the lead had no company")
            String accountId,
            @Schema(nullable = true, format = "uri", description = "The account's address; null when none")
            String accountHref,
            @NotNull @Schema(format = "uuid") String opportunityId,
            @NotNull @Schema(format = "uri", description = "The opportunity's address") String opportunityHref) {
    }

    /** A page of leads. */
    @Schema(name = "LeadPage")
    public record Page(@NotNull List<LeadView> items, @NotNull org.leadline.api.page.PageInfo page) {
    }
}
