package org.leadline.server.capture.webform;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.http.HttpServletRequest;

import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.ReadResult;
import org.leadline.server.capture.webform.WebFormCounters.Counter;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.plugins.LeadSources;
import org.leadline.server.tenancy.Caller;

/**
 * The public side of web forms: finds the form by its key, checks where a post comes from, applies
 * the spam protection and limits in a fixed order, has the {@code source-webform} lead source read
 * the post and hands the draft to {@link WebFormLeads}. Every outcome is counted on the form.
 */
@RequestScoped
public class WebFormSubmissions {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    HttpServletRequest request;

    @Inject
    WebFormLeads leads;

    @Inject
    WebFormCounting counting;

    @Inject
    SubmissionRateLimits rateLimits;

    @Inject
    LeadSources plugins;

    /** What the client is told after a post that was taken (or looked taken). */
    public record Answer(String submissionId, String redirectUrl) {
    }

    /**
     * The enabled form with this key, with the request now acting for the form's tenant and owner.
     * An unknown key, a disabled form and a disabled tenant all answer 404.
     */
    public WebForm open(String formKey) {
        if (formKey == null || formKey.length() > 64 || !formKey.matches("[A-Za-z0-9_-]+")) {
            throw ProblemException.notFound("Web form " + formKey);
        }
        Object[] row = tenantAndOwner(formKey);
        if (row == null) {
            throw ProblemException.notFound("Web form " + formKey);
        }
        // The form acts as its owner: the leads it creates are theirs, and the audit names them.
        request.setAttribute(Caller.REQUEST_ATTRIBUTE,
                new Caller((String) row[1], "web-form", (String) row[0], Set.of(), null, null));
        WebForm form = leads.form(formKey).orElseThrow(() -> ProblemException.notFound("Web form " + formKey));
        if (!form.enabled()) {
            throw ProblemException.notFound("Web form " + formKey);
        }
        return form;
    }

    public String tenantId() {
        return ((Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE)).tenantId();
    }

    /** Refuses with 409 when the tenant has the web-form source off: forms then take nothing. */
    public void requireSource() {
        if (!plugins.sourceEnabled(tenantId(), WebFormSource.PLUGIN_ID, WebFormSource.EXTENSION_ID)) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "This form takes no submissions at the moment: its web-form source is not enabled");
        }
    }

    private Object[] tenantAndOwner(String formKey) {
        EntityManager em = emf.createEntityManager();
        try {
            // Deliberately across tenants: the key is what tells whose form this is.
            List<?> rows = em.createNativeQuery("SELECT f.tenant_id, f.owner_id FROM web_forms f"
                            + " JOIN tenants t ON t.id = f.tenant_id WHERE f.form_key = ? AND t.status = ?")
                    .setParameter(1, formKey).setParameter(2, "ACTIVE")
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        } finally {
            em.close();
        }
    }

    /**
     * The browser origin of the request when it is one the form allows; null when the request names
     * no origin (a server posting). A browser request from elsewhere is refused with 403.
     */
    public String checkOrigin(WebForm form, String origin, String referer) {
        String claimed;
        if (origin != null) {
            claimed = WebFormJson.origin(origin.strip());
            if (claimed == null) {
                throw forbiddenOrigin(origin);
            }
        } else if (referer != null) {
            claimed = WebFormJson.originOf(referer.strip());
            if (claimed == null) {
                throw forbiddenOrigin(referer);
            }
        } else {
            return null;
        }
        if (!form.allowedOrigins().contains(claimed)) {
            throw forbiddenOrigin(claimed);
        }
        return origin != null ? origin.strip() : claimed;
    }

    /** For a preflight: whether the origin may use the form. */
    public boolean allows(WebForm form, String origin) {
        String o = WebFormJson.origin(origin == null ? null : origin.strip());
        return o != null && form.allowedOrigins().contains(o);
    }

    private static ProblemException forbiddenOrigin(String origin) {
        return new ProblemException(ProblemType.FORBIDDEN, "This form may not be posted from "
                + WebFormLeads.cut(origin, 100) + "; the form's administrator lists the allowed origins",
                List.of(new FieldError("Origin", "is not one of the form's allowed origins")));
    }

    public String token(WebForm form) {
        return FillTimeTokens.issue(form, Timestamps.now());
    }

    /** Takes one post; see docs/web-forms.md for the order of the checks. */
    public Answer submit(WebForm form, String contentType, InputStream body) {
        String tenantId = tenantId();
        OptionalLong retry = rateLimits.acquire(form, clientAddress(), System.currentTimeMillis());
        if (retry.isPresent()) {
            counting.count(tenantId, form.id(), Counter.RATE_LIMITED);
            throw new ProblemException(ProblemType.RATE_LIMITED, "Too many submissions; try again in "
                    + retry.getAsLong() + " s", List.of(), Map.of("retryAfterSeconds", retry.getAsLong()),
                    Map.of("Retry-After", Long.toString(retry.getAsLong())));
        }
        String mediaType = mediaType(contentType);
        Charset charset = FormBody.charset(contentType);
        byte[] bytes = FormBody.readLimited(body);
        Map<String, String> fields;
        try {
            fields = FormBody.parse(mediaType, charset, bytes);
        } catch (ProblemException e) {
            counting.count(tenantId, form.id(), Counter.SUBMISSIONS, Counter.INVALID);
            throw e;
        }
        String honeypot = form.honeypotField();
        if (honeypot != null && fields.containsKey(honeypot) && !fields.get(honeypot).isBlank()) {
            counting.count(tenantId, form.id(), Counter.SUBMISSIONS, Counter.HONEYPOT);
            // Looks taken, so that the sender learns nothing.
            return new Answer(Ids.next(), form.redirectUrl());
        }
        if (form.minFillSeconds() > 0) {
            FillTimeTokens.Check check = FillTimeTokens.check(form, fields.get(FillTimeTokens.FIELD), Timestamps.now());
            if (check != null) {
                counting.count(tenantId, form.id(), Counter.SUBMISSIONS, check.tooFast() ? Counter.TOO_FAST : Counter.INVALID);
                throw new ProblemException(ProblemType.VALIDATION, FillTimeTokens.FIELD + ": " + check.problem(),
                        List.of(new FieldError(FillTimeTokens.FIELD, check.problem())));
            }
        }
        Map<String, String> content = new LinkedHashMap<>(fields);
        content.remove(FillTimeTokens.FIELD);
        if (honeypot != null) {
            content.remove(honeypot);
        }
        try {
            checkFields(form, content);
            String fingerprint = fingerprint(content);
            var earlier = leads.previous(form, fingerprint);
            if (earlier.isPresent()) {
                counting.count(tenantId, form.id(), Counter.SUBMISSIONS, Counter.DUPLICATES);
                return new Answer(earlier.get().submissionId(), form.redirectUrl());
            }
            LeadDraft draft = read(form, mediaType, charset, bytes);
            Map<String, String> formFieldOf = new HashMap<>();
            form.fields().stream().filter(f -> f.leadField() != null).forEach(f -> formFieldOf.put(f.leadField(), f.name()));
            String text = readable(form, content);
            WebFormLeads.Outcome outcome;
            try {
                outcome = leads.submit(form, fingerprint, draft, formFieldOf, text);
            } catch (PersistenceException e) {
                // The same content, posted at the same moment, won the race: answer as it was answered.
                outcome = leads.previous(form, fingerprint).orElseThrow(() -> e);
            }
            counting.count(tenantId, form.id(), Counter.SUBMISSIONS, outcome.duplicate() ? Counter.DUPLICATES : Counter.LEADS_CREATED);
            return new Answer(outcome.submissionId(), form.redirectUrl());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.VALIDATION) {
                counting.count(tenantId, form.id(), Counter.SUBMISSIONS, Counter.INVALID);
            }
            throw e;
        }
    }

    private String clientAddress() {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    private static String mediaType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(FormBody.URLENCODED) && !type.equals(FormBody.JSON)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the form as "
                    + FormBody.URLENCODED + " or " + FormBody.JSON,
                    List.of(new FieldError("Content-Type", "must be " + FormBody.URLENCODED + " or " + FormBody.JSON)));
        }
        return type;
    }

    /** Required fields and lengths, named by form field. */
    private static void checkFields(WebForm form, Map<String, String> content) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (WebFormDefinition.Field f : form.fields()) {
            String value = content.get(f.name());
            if (value == null || value.isBlank()) {
                if (f.required()) {
                    errors.add(new FieldError(f.name(), "is required"));
                }
            } else if (value.codePointCount(0, value.length()) > f.maxLength()) {
                errors.add(new FieldError(f.name(), "must be at most " + f.maxLength() + " characters"));
            }
        }
        for (Map.Entry<String, String> e : content.entrySet()) {
            if (form.fields().stream().noneMatch(f -> f.name().equals(e.getKey()))
                    && e.getValue().length() > WebFormDefinition.DEFAULT_FIELD_LENGTH) {
                errors.add(new FieldError(e.getKey(), "is not a field of the form and longer than "
                        + WebFormDefinition.DEFAULT_FIELD_LENGTH + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** The lead source's reading of the post, through the guard. */
    private LeadDraft read(WebForm form, String mediaType, Charset charset, byte[] bytes) {
        Map<String, String> attributes = new HashMap<>();
        for (WebFormDefinition.Field f : form.fields()) {
            attributes.put(WebFormSource.FIELD_PREFIX + f.name(), f.leadField() == null ? "" : f.leadField());
        }
        attributes.put(WebFormSource.IGNORE, form.honeypotField() == null ? FillTimeTokens.FIELD
                : FillTimeTokens.FIELD + "," + form.honeypotField());
        attributes.put(WebFormSource.CHARSET, charset.name());
        attributes.put(WebFormSource.FORM_NAME, form.name());
        attributes.put(WebFormSource.SOURCE_DETAIL, form.sourceDetail() != null ? form.sourceDetail() : form.name());
        LeadSources.SourceReading reading = plugins.readSource(tenantId(), WebFormSource.PLUGIN_ID,
                WebFormSource.EXTENSION_ID, new InboundMaterial(mediaType, form.name(), attributes, bytes));
        if (!reading.available()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "This form takes no submissions at the moment: its web-form source is not enabled");
        }
        if (reading.failure() != null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The form post could not be read: the web-form source " + reading.failure());
        }
        ReadResult result = reading.result();
        if (!result.problems().isEmpty()) {
            throw ProblemException.validation(result.problems().stream().map(WebFormSubmissions::fieldError).toList());
        }
        if (result.drafts().size() != 1) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The web-form source read " + result.drafts().size() + " leads from one post; a post makes one lead");
        }
        return result.drafts().get(0);
    }

    /** A source problem "field: reason" as a field error. */
    private static FieldError fieldError(String problem) {
        int colon = problem.indexOf(": ");
        return colon > 0 && colon < 100 ? new FieldError(problem.substring(0, colon), problem.substring(colon + 2))
                : new FieldError("", problem);
    }

    /** The post as the timeline shows it: the form's fields in its order, then the others. */
    private static String readable(WebForm form, Map<String, String> content) {
        StringBuilder sb = new StringBuilder();
        Set<String> done = new java.util.HashSet<>();
        for (WebFormDefinition.Field f : form.fields()) {
            String v = content.get(f.name());
            if (v != null && !v.isBlank()) {
                sb.append(f.name()).append(": ").append(v).append('\n');
            }
            done.add(f.name());
        }
        content.forEach((k, v) -> {
            if (!done.contains(k) && !v.isBlank()) {
                sb.append(k).append(": ").append(v).append('\n');
            }
        });
        return sb.toString().strip();
    }

    private static String fingerprint(Map<String, String> content) {
        Map<String, String> meaningful = new LinkedHashMap<>();
        content.forEach((k, v) -> {
            if (!v.isBlank()) {
                meaningful.put(k, v.strip());
            }
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(FormBody.canonical(meaningful).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
