package org.leadline.server.capture;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.LeadView;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.source.LeadDraft;

/** What the intake made of one piece of inbound material. */
@Schema(name = "IntakeResult", description = "The lead source that read the material and one outcome per lead "
        + "found or message recognised as no lead")
public record IntakeResultView(
        @NotNull @Schema(description = "The lead source that read the material: pluginId/extensionId") String reader,
        @NotNull @Schema(description = "The source recorded on the leads") Source source,
        @NotNull List<Outcome> outcomes,
        @NotNull @Schema(description = "What the lead source could not read, in its words") List<String> problems) {

    /** What happened to one draft (or one recognised non-lead). */
    @Schema(name = "IntakeOutcome")
    public record Outcome(
            @NotNull @Schema(implementation = String.class, enumeration = {"CREATED", "DUPLICATE", "ATTACHED", "IGNORED",
                    "INVALID"}) IntakeOutcome.Kind outcome,
            @NotNull @Schema(description = "true when the same message was taken before: the outcome is that of "
                    + "the first time") Boolean replayed,
            @Schema(description = "The lead created or the one the material was attached to") LeadRef lead,
            @Schema(description = "Why the material was not stored as a lead") String reason,
            @Schema(description = "Leads that are likely the same person") List<LeadView.DuplicateCandidate> duplicates,
            @Schema(description = "Why the draft broke the lead rules") List<FieldError> errors,
            @Schema(description = "What the source read, field by field; absent for a non-lead") Extracted extracted) {

        static Outcome of(IntakeOutcome o, LeadDraft draft, URI base) {
            return new Outcome(o.kind(), o.replayed(),
                    o.lead() == null ? null : new LeadRef(o.lead().id(), jakarta.ws.rs.core.UriBuilder.fromUri(base)
                            .path("leads").path(o.lead().id()).build().toString()),
                    o.reason(), o.candidates().isEmpty() ? null : DuplicateCheck.candidates(o.candidates(), base),
                    o.errors().isEmpty() ? null : List.copyOf(o.errors()),
                    draft == null ? null : Extracted.of(draft));
        }
    }

    /** A lead the outcome names. */
    @Schema(name = "IntakeLeadRef")
    public record LeadRef(@NotNull @Schema(format = "uuid") String id, @NotNull @Schema(format = "uri") String href) {
    }

    /** The fields the lead source read; each present only when found. */
    @Schema(name = "IntakeExtracted")
    public record Extracted(
            Field salutation, Field firstName, Field lastName, Field jobTitle, Field email, Field phone,
            Field mobilePhone, Field companyName, Field website, Field street, Field postalCode, Field city,
            Field country, Field topic) {

        static Extracted of(LeadDraft d) {
            return new Extracted(f(d, "salutation", d.salutation()), f(d, "firstName", d.firstName()),
                    f(d, "lastName", d.lastName()), f(d, "jobTitle", d.jobTitle()), f(d, "email", d.email()),
                    f(d, "phone", d.phone()), f(d, "mobilePhone", d.mobilePhone()),
                    f(d, "companyName", d.companyName()), f(d, "website", d.website()), f(d, "street", d.street()),
                    f(d, "postalCode", d.postalCode()), f(d, "city", d.city()), f(d, "country", d.country()),
                    f(d, "topic", d.topic()));
        }

        private static Field f(LeadDraft d, String name, String value) {
            return value == null ? null : new Field(value, d.provenance().get(name));
        }
    }

    /** One field read, and where it was found. */
    @Schema(name = "IntakeExtractedField")
    public record Field(
            @NotNull String value,
            @Schema(description = "Where in the material the value was found, e.g. the signature") String from) {
    }
}
