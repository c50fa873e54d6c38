package org.leadline.server.capture.webform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.problem.FieldError;
import org.leadline.api.timeline.InteractionView;
import org.leadline.server.platform.json.RecordBodyReader;
import org.leadline.plugin.api.source.InboundMessage;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.server.capture.IntakeOutcome;
import org.leadline.server.capture.LeadIntake;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.persistence.Timestamps;
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
    LeadIntake intake;

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
     * The one place a web form makes a lead: through the shared intake pipeline (the lead rules,
     * the duplicate check under the tenant's policy, audit, search terms, rating and lifecycle
     * events), with the submission as the lead's first inbound interaction. When the tenant rejects
     * duplicates and the visitor is already a lead, the submission joins that lead's timeline
     * instead, so nothing a visitor sent is lost.
     *
     * @param formFieldOf lead draft field → the form field that filled it, to name form fields in errors
     * @return the id of the lead that holds the submission
     */
    String createLead(WebForm form, LeadDraft d, Map<String, String> formFieldOf, String submittedContent) {
        String detail = d.sourceDetail() != null ? d.sourceDetail()
                : form.sourceDetail() != null ? form.sourceDetail() : form.name();
        String purpose = cut("Web form submitted: " + form.name(), 200);
        String text = submittedContent.isEmpty() ? null : cut(submittedContent, MAX_INTERACTION_TEXT);
        InboundMessage message = new InboundMessage("OTHER", null, List.of(), Timestamps.now(), purpose, text);
        LeadDraft draft = new LeadDraft(d.salutation(), d.firstName(), d.lastName(), d.jobTitle(), d.email(),
                d.phone(), d.mobilePhone(), d.companyName(), d.website(), d.street(), d.postalCode(), d.city(),
                d.country(), d.budget(), d.need(), d.topic(), null, d.extra(), message, d.provenance());
        IntakeOutcome outcome = intake.accept(draft, form.source(), cut(detail, 200),
                LeadIntake.OnDuplicate.TENANT_POLICY);
        switch (outcome.kind()) {
            case CREATED, ATTACHED:
                return outcome.lead().id();
            case INVALID:
                throw inFormTerms(ProblemException.validation(outcome.errors()), formFieldOf);
            case DUPLICATE:
                String existing = outcome.candidates().get(0).lead().id();
                JsonObjectBuilder interaction = Json.createObjectBuilder()
                        .add("medium", "OTHER")
                        .add("direction", "INBOUND")
                        .add("purpose", purpose)
                        .add("occurredAt", message.sentAt().toString());
                if (text != null) {
                    interaction.add("content", Json.createObjectBuilder().add("text", text));
                }
                items.create(interactions, existing, RecordBodyReader.bind(interaction.build(), InteractionView.class));
                return existing;
            default:
                throw new IllegalStateException("a web form draft cannot be " + outcome.kind());
        }
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
