package org.leadline.server.capture.webform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.CrossFieldRules;
import org.leadline.server.platform.json.Json;

/**
 * A web form as the API reads and writes it: a new or replaced form's body is read into this record,
 * and its rules across members are checked after it ({@link #check}). The server owns the read-only
 * members, which a client may send back unchanged. Members that may be null are sent as null (not left
 * out): they are declared nullable.
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
        @Size(max = 200) @Schema(nullable = true,
                description = "A detail recorded on the leads; the form's name when null (answers always carry it)") String sourceDetail,
        @Size(max = WebFormDefinition.MAX_ORIGINS) @Schema(description = "The origins (https://www.example.com) "
                + "whose pages may post the form; empty: any") List<String> allowedOrigins,
        @Size(max = 500) @Schema(nullable = true, format = "uri",
                description = "Where a browser posting the form (form-encoded) is sent afterwards (303); null: "
                        + "it gets the JSON answer (answers always carry it)") String redirectUrl,
        @Schema(description = "true when absent") Boolean enabled,
        @Pattern(regexp = FIELD_NAME, message = "must be a field name: a letter, then letters, digits, _ . - [ ] (max 64)")
        @Schema(nullable = true, description = "A field hidden from people: a "
                + "post that fills it is taken for spam; null for none (answers always carry it)") String honeypotField,
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
        Long version) implements CrossFieldRules {

    /** Form field names: what an HTML {@code name} attribute sensibly holds. */
    static final String FIELD_NAME = "[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,63}";

    /** The rules across members: field names and lead fields once each, a required last name, real origins. */
    @Override
    public void check(List<FieldError> errors) {
        Set<String> names = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; fields != null && i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f == null) {
                continue;
            }
            String path = "fields[" + i + "]";
            if (f.name() != null && f.name().matches(FIELD_NAME) && !names.add(f.name())) {
                errors.add(new FieldError(path + ".name", "is used by another field of the form"));
            }
            if (f.leadField() != null) {
                if (!WebFormDefinition.LEAD_FIELDS.contains(f.leadField())) {
                    errors.add(new FieldError(path + ".leadField", "must be one of "
                            + String.join(", ", WebFormDefinition.LEAD_FIELDS)));
                } else if (!targets.add(f.leadField())) {
                    errors.add(new FieldError(path + ".leadField", "is filled by another field of the form"));
                }
            }
            if ("lastName".equals(f.leadField()) && !Boolean.TRUE.equals(f.required())) {
                errors.add(new FieldError(path + ".required",
                        "must be true for the field that fills lastName: a lead needs a last name"));
            }
        }
        if (errors.stream().noneMatch(e -> e.field().startsWith("fields")) && !targets.contains("lastName")) {
            errors.add(new FieldError("fields", "must have a field whose leadField is lastName: a lead needs a last name"));
        }
        for (int i = 0; allowedOrigins != null && i < allowedOrigins.size(); i++) {
            String origin = allowedOrigins.get(i);
            if (origin != null && WebFormJson.origin(origin) == null) {
                errors.add(new FieldError("allowedOrigins[" + i + "]", "must be an origin: http or https, a host and "
                        + "an optional port, no path (e.g. https://www.example.com)"));
            }
        }
        if (redirectUrl != null && redirectUrl.length() <= 500 && !absoluteHttp(redirectUrl)) {
            errors.add(new FieldError("redirectUrl", "must be an absolute http or https URL"));
        }
        if (honeypotField != null && fields != null
                && fields.stream().anyMatch(f -> f != null && honeypotField.equals(f.name()))) {
            errors.add(new FieldError("honeypotField", "must not be one of the form's fields"));
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** What the body defines, with the defaults of the members left out (a body that passed its checks). */
    WebFormDefinition definition() {
        return new WebFormDefinition(name, fields.stream().map(f -> new WebFormDefinition.Field(f.name(),
                f.leadField(), Boolean.TRUE.equals(f.required()),
                f.maxLength() == null ? WebFormDefinition.DEFAULT_FIELD_LENGTH : f.maxLength())).toList(),
                source == null ? Source.WEB : source, sourceDetail,
                allowedOrigins == null ? List.of()
                        : List.copyOf(new LinkedHashSet<>(allowedOrigins.stream().map(WebFormJson::origin).toList())),
                redirectUrl, enabled == null || enabled, honeypotField,
                orDefault(minFillSeconds, WebFormJson.DEFAULT_MIN_FILL_SECONDS),
                orDefault(perIpPerMinute, WebFormJson.DEFAULT_PER_IP_PER_MINUTE),
                orDefault(perFormPerMinute, WebFormJson.DEFAULT_PER_FORM_PER_MINUTE),
                orDefault(duplicateWindowSeconds, WebFormJson.DEFAULT_DUPLICATE_WINDOW_SECONDS), ownerId);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static WebFormView of(WebForm f, WebFormCounters c, String publicUrl) {
        return new WebFormView(f.id(), f.formKey(), publicUrl, f.name(),
                f.fields().stream().map(x -> new Field(x.name(), x.leadField(), x.required(), x.maxLength()))
                        .toList(),
                f.source(), f.sourceDetail(), List.copyOf(f.allowedOrigins()), f.redirectUrl(),
                f.enabled(), f.honeypotField(), f.minFillSeconds(), f.perIpPerMinute(), f.perFormPerMinute(),
                f.duplicateWindowSeconds(), f.ownerId(), FillTimeTokens.FIELD, Statistics.of(c), f.createdAt(),
                f.createdBy(), f.updatedAt(), f.updatedBy(), f.version());
    }

    static JsonValue orNull(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    /** A field of the form. */
    @Schema(name = "WebFormField")
    public record Field(
            @NotNull @Pattern(regexp = FIELD_NAME, message = "must be a letter, then letters, digits, _ . - [ ] (max 64)")
            @Schema(description = "The name the page posts") String name,
            @Schema(nullable = true, enumeration = {"salutation", "firstName",
                    "lastName", "jobTitle", "email", "phone", "companyName", "website", "country", "need", "topic"},
                    description = "The lead field it fills; null: the field is kept with the lead's interaction only. "
                            + "One field must fill lastName (and be required). Answers always carry it.") String leadField,
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

    /** A page of the tenant's web forms, by name. */
    @Schema(name = "WebFormList")
    public record Forms(@NotNull List<WebFormView> items, @NotNull org.leadline.api.page.PageInfo page) {
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
