package org.leadline.server.capture.webform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.server.lead.LeadService;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.InteractionKind;
import org.leadline.server.timeline.LeadItems;

/**
 * Turns an accepted form submission into a lead, once per content and window. Runs with the form's
 * tenant and owner as the caller (set by the public endpoint).
 */
@RequestScoped
@Transactional
public class WebFormLeads {

    /** The lead's description takes the form fields that fill no lead field, up to this length. */
    static final int MAX_DESCRIPTION = 4000;
    /** The timeline entry keeps the submitted content up to this length. */
    static final int MAX_INTERACTION_TEXT = 10_000;

    /** Where each draft field goes in the lead's JSON form, to name form fields in lead errors. */
    static final Map<String, String> LEAD_PATHS = Map.ofEntries(
            Map.entry("salutation", "person.salutation"), Map.entry("firstName", "person.firstName"),
            Map.entry("lastName", "person.lastName"), Map.entry("jobTitle", "person.jobTitle"),
            Map.entry("email", "person.email"), Map.entry("phone", "person.businessPhone"),
            Map.entry("companyName", "company.name"), Map.entry("website", "company.website"),
            Map.entry("country", "company.address.country"), Map.entry("need", "qualification.need"),
            Map.entry("topic", "topic"));

    @Inject
    TenantPersistence persistence;

    @Inject
    LeadService leads;

    @Inject
    LeadItems items;

    @Inject
    InteractionKind interactions;

    /** The answer to a submission: the id the client sees, and whether it repeated an earlier one. */
    public record Outcome(String submissionId, String leadId, boolean duplicate) {
    }

    /** The form of the current tenant with this public key. */
    public Optional<WebForm> form(String formKey) {
        return persistence.em().createQuery("SELECT f FROM WebForm f WHERE f.formKey = :k", WebForm.class)
                .setParameter("k", formKey).getResultStream().findFirst();
    }

    /** The earlier submission of the same content within the form's window, if any; an older one is forgotten. */
    public Optional<Outcome> previous(WebForm form, String fingerprint) {
        EntityManager em = persistence.em();
        List<WebFormSubmission> rows = em.createQuery(
                        "SELECT s FROM WebFormSubmission s WHERE s.formId = :f AND s.fingerprint = :p", WebFormSubmission.class)
                .setParameter("f", form.id()).setParameter("p", fingerprint).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        WebFormSubmission s = rows.get(0);
        if (s.createdAt().plus(Duration.ofSeconds(form.duplicateWindowSeconds())).isBefore(Timestamps.now())) {
            em.remove(s);
            em.flush();
            return Optional.empty();
        }
        return Optional.of(new Outcome(s.id(), s.leadId(), true));
    }

    /**
     * Records the submission first (a concurrent twin then waits on the unique index and fails),
     * then creates the lead.
     */
    public Outcome submit(WebForm form, String fingerprint, LeadDraft draft, Map<String, String> formFieldOf,
                          String submittedContent) {
        Optional<Outcome> earlier = previous(form, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        EntityManager em = persistence.em();
        WebFormSubmission submission = new WebFormSubmission(form.id(), fingerprint);
        em.persist(submission);
        em.flush();
        String leadId = createLead(form, draft, formFieldOf, submittedContent);
        submission.createdLead(leadId);
        em.flush();
        return new Outcome(submission.id(), leadId, false);
    }

    /**
     * The one place a web form makes a lead: today through the lead service (audit, search terms,
     * rating and lifecycle events), then the first timeline entry. Switching to the shared intake
     * pipeline changes this method only.
     *
     * @param formFieldOf lead draft field → the form field that filled it, to name form fields in errors
     */
    String createLead(WebForm form, LeadDraft draft, Map<String, String> formFieldOf, String submittedContent) {
        JsonObject body = leadBody(form, draft);
        String leadId;
        try {
            leadId = leads.create(body, null).lead().id();
        } catch (ProblemException e) {
            throw inFormTerms(e, formFieldOf);
        }
        // The timeline locks the lead's row, so the row must be written first.
        persistence.em().flush();
        JsonObjectBuilder interaction = Json.createObjectBuilder()
                .add("medium", "OTHER")
                .add("direction", "INBOUND")
                .add("purpose", cut("Web form submitted: " + form.name(), 200))
                .add("occurredAt", Timestamps.now().toString());
        if (!submittedContent.isEmpty()) {
            interaction.add("content", Json.createObjectBuilder().add("text", cut(submittedContent, MAX_INTERACTION_TEXT)));
        }
        items.create(interactions, leadId, interaction.build());
        return leadId;
    }

    private static JsonObject leadBody(WebForm form, LeadDraft d) {
        JsonObjectBuilder person = Json.createObjectBuilder();
        put(person, "salutation", d.salutation());
        put(person, "firstName", d.firstName());
        put(person, "lastName", d.lastName());
        put(person, "jobTitle", d.jobTitle());
        put(person, "email", d.email());
        put(person, "businessPhone", d.phone());
        JsonObjectBuilder company = Json.createObjectBuilder();
        put(company, "name", d.companyName());
        put(company, "website", d.website());
        if (d.country() != null) {
            company.add("address", Json.createObjectBuilder().add("country", d.country()));
        }
        String detail = d.sourceDetail() != null ? d.sourceDetail()
                : form.sourceDetail() != null ? form.sourceDetail() : form.name();
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("person", person)
                .add("origin", Json.createObjectBuilder().add("source", form.source().name()).add("detail", cut(detail, 200)));
        JsonObject c = company.build();
        if (!c.isEmpty()) {
            b.add("company", c);
        }
        JsonObjectBuilder q = Json.createObjectBuilder();
        put(q, "need", d.need());
        if (d.budget() != null) {
            q.add("budget", Json.createObjectBuilder().add("amount", d.budget().amount()).add("currency", d.budget().currency()));
        }
        JsonObject qualification = q.build();
        if (!qualification.isEmpty()) {
            b.add("qualification", qualification);
        }
        put(b, "topic", d.topic());
        if (!d.extra().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            d.extra().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
            b.add("description", cut(sb.toString().strip(), MAX_DESCRIPTION));
        }
        return b.build();
    }

    /** A lead field error, told as the form field that filled it. */
    private static ProblemException inFormTerms(ProblemException e, Map<String, String> formFieldOf) {
        if (e.type() != ProblemType.VALIDATION) {
            return e;
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldError fe : e.errors()) {
            String formField = null;
            for (Map.Entry<String, String> p : LEAD_PATHS.entrySet()) {
                if (fe.field().equals(p.getValue()) || fe.field().startsWith(p.getValue() + ".")) {
                    formField = formFieldOf.get(p.getKey());
                }
            }
            errors.add(new FieldError(formField != null ? formField : fe.field(), fe.reason()));
        }
        return ProblemException.validation(errors);
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            b.add(key, value.strip());
        }
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
