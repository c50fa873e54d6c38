package org.leadline.server.capture.webform;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.server.lead.Source;
import org.leadline.server.platform.json.Json;

/**
 * A web form as the API reads and writes it. The server owns the read-only members, which a client
 * may send back unchanged. Members that may be null are sent as null (not left out); they are JSON
 * values here so that the record writes them.
 */
@Schema(name = "WebForm", description = "A form on the tenant's web pages whose posts become leads; its public "
        + "address is publicUrl, its formKey the only credential",
        example = """
                {"name": "Contact us", "fields": [{"name": "last_name", "leadField": "lastName", "required": true},
                 {"name": "email", "leadField": "email", "required": true, "maxLength": 200},
                 {"name": "message", "leadField": "need"}],
                 "allowedOrigins": ["https://www.example.com"], "honeypotField": "website_url"}""")
public record WebFormView(
        @Schema(readOnly = true, required = true, format = "uuid") String id,
        @Schema(readOnly = true, required = true, description = "The public key of the form; rotate-key replaces it")
        String formKey,
        @Schema(readOnly = true, required = true, format = "uri", description = "Where pages post the form")
        String publicUrl,
        @NotNull @Size(max = 200) String name,
        @NotNull @Size(min = 1, max = WebFormDefinition.MAX_FIELDS) @Valid List<Field> fields,
        @Schema(description = "The source recorded on the leads; WEB when absent") Source source,
        @Size(max = 200) @Schema(implementation = String.class, nullable = true,
                description = "A detail recorded on the leads; the form's name when null (answers always carry it)") JsonValue sourceDetail,
        @Size(max = WebFormDefinition.MAX_ORIGINS) @Schema(description = "The origins (https://www.example.com) "
                + "whose pages may post the form; empty: any") List<String> allowedOrigins,
        @Size(max = 500) @Schema(implementation = String.class, nullable = true, format = "uri",
                description = "Where a browser posting the form (form-encoded) is sent afterwards (303); null: "
                        + "it gets the JSON answer (answers always carry it)") JsonValue redirectUrl,
        @Schema(description = "true when absent") Boolean enabled,
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,63}")
        @Schema(implementation = String.class, nullable = true, description = "A field hidden from people: a "
                + "post that fills it is taken for spam; null for none (answers always carry it)") JsonValue honeypotField,
        @Min(0) @Max(3600) @Schema(description = "A post sooner after the form was loaded is taken for spam; 3 "
                + "when absent") Integer minFillSeconds,
        @Min(1) @Max(100_000) @Schema(description = "Posts per client address and minute; 10 when absent")
        Integer perIpPerMinute,
        @Min(1) @Max(1_000_000) @Schema(description = "Posts per minute to this form; 300 when absent")
        Integer perFormPerMinute,
        @Min(0) @Max(86_400) @Schema(description = "A post repeating one within so many seconds is a duplicate; 600 "
                + "when absent") Integer duplicateWindowSeconds,
        @Schema(format = "uuid", description = "The user who owns the leads; the creator when absent") String ownerId,
        @Schema(readOnly = true, required = true, description = "The name of the fill-time token field pages post")
        String tokenField,
        @Schema(readOnly = true, required = true) Statistics statistics,
        @Schema(readOnly = true, required = true) Instant createdAt,
        @Schema(readOnly = true, required = true, format = "uuid") String createdBy,
        @Schema(readOnly = true, required = true) Instant updatedAt,
        @Schema(readOnly = true, required = true, format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change; the ETag carries it")
        Long version) {

    static WebFormView of(WebForm f, WebFormCounters c, String publicUrl) {
        return new WebFormView(f.id(), f.formKey(), publicUrl, f.name(),
                f.fields().stream().map(x -> new Field(x.name(), orNull(x.leadField()), x.required(), x.maxLength()))
                        .toList(),
                f.source(), orNull(f.sourceDetail()), List.copyOf(f.allowedOrigins()), orNull(f.redirectUrl()),
                f.enabled(), orNull(f.honeypotField()), f.minFillSeconds(), f.perIpPerMinute(), f.perFormPerMinute(),
                f.duplicateWindowSeconds(), f.ownerId(), FillTimeTokens.FIELD, Statistics.of(c), f.createdAt(),
                f.createdBy(), f.updatedAt(), f.updatedBy(), f.version());
    }

    static JsonValue orNull(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    /** A field of the form. */
    @Schema(name = "WebFormField")
    public record Field(
            @NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,63}") @Schema(description = "The name the "
                    + "page posts") String name,
            @Schema(implementation = String.class, nullable = true, enumeration = {"salutation", "firstName",
                    "lastName", "jobTitle", "email", "phone", "companyName", "website", "country", "need", "topic"},
                    description = "The lead field it fills; null: the field is kept with the lead's interaction only. "
                            + "One field must fill lastName (and be required). Answers always carry it.") JsonValue leadField,
            @Schema(description = "false when absent") Boolean required,
            @Min(1) @Max(WebFormDefinition.MAX_FIELD_LENGTH) @Schema(description = "1000 when absent")
            Integer maxLength) {
    }

    /** What the form has received. */
    @Schema(name = "WebFormStatistics")
    public record Statistics(
            Long submissions,
            Long leadsCreated,
            Long duplicates,
            @Schema(description = "Posts that filled the honeypot field") Long spamHoneypot,
            @Schema(description = "Posts sooner than minFillSeconds after the form was loaded") Long spamTooFast,
            Long invalid,
            Long rateLimited,
            @Schema(implementation = Instant.class, nullable = true, description = "null before the first post") JsonValue lastSubmissionAt) {

        static Statistics of(WebFormCounters c) {
            return c == null ? new Statistics(null, null, null, null, null, null, null, null)
                    : new Statistics(c.submissions(), c.leadsCreated(), c.duplicates(), c.honeypot(), c.tooFast(),
                    c.invalid(), c.rateLimited(), c.lastSubmissionAt() == null ? JsonValue.NULL
                    : Json.createValue(c.lastSubmissionAt().toString()));
        }
    }

    /** The tenant's web forms. */
    @Schema(name = "WebFormList")
    public record Forms(@NotNull List<WebFormView> items) {
    }

    /** How a page shows the form: its fields and the token to post with it. */
    @Schema(name = "PublicWebForm")
    public record Public(
            @NotNull String name,
            @NotNull List<PublicField> fields,
            @Schema(implementation = String.class, required = true, nullable = true,
                    description = "A field to include hidden from people and leave empty; null for none")
            JsonValue honeypotField,
            @NotNull @Schema(description = "The name of the field that carries token") String tokenField,
            @NotNull @Schema(description = "The fill-time token to post with the form; each load gets a new one")
            String token,
            @NotNull @Schema(description = "A post sooner after loading is taken for spam") Integer minFillSeconds) {

        static Public of(WebForm form, String token) {
            return new Public(form.name(), form.fields().stream()
                    .map(f -> new PublicField(f.name(), f.required(), f.maxLength())).toList(),
                    orNull(form.honeypotField()), FillTimeTokens.FIELD, token, form.minFillSeconds());
        }
    }

    /** A field of the public form. */
    @Schema(name = "PublicWebFormField")
    public record PublicField(@NotNull String name, @NotNull Boolean required, @NotNull Integer maxLength) {
    }

    /** The answer to a post taken. */
    @Schema(name = "WebFormSubmission")
    public record Received(
            @NotNull @Schema(enumeration = "received") String status,
            @NotNull @Schema(format = "uuid") String submissionId) {
    }
}
