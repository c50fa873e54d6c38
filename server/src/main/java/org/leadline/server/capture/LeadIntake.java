package org.leadline.server.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.Source;
import org.leadline.api.timeline.InteractionView;
import org.leadline.api.timeline.Medium;
import org.leadline.server.platform.json.RecordBodyReader;
import org.leadline.plugin.api.source.InboundMessage;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.NotALead;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadService;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.InteractionKind;
import org.leadline.server.timeline.LeadItems;

/**
 * The one way a lead arrives from a source (e-mail, web form, CSV): every source gets the same
 * validation, duplicate check and storage as a lead typed in by hand.
 *
 * <p>{@link #accept} takes one draft and, in one transaction:
 * <ol>
 *   <li>answers with the earlier outcome when the draft's message id was taken in before (idempotent);</li>
 *   <li>adds the message to the lead of its thread when it refers to a message taken in before;</li>
 *   <li>locks the draft's duplicate keys ({@link DuplicateGuard}) until the transaction ends, so that
 *       a concurrent intake or create of the same person waits for this one and then sees its lead;</li>
 *   <li>with {@link OnDuplicate#ATTACH}, adds the message to the newest lead with the same e-mail address;</li>
 *   <li>validates the draft with the lead API's rules (field errors named as in {@code POST /leads});</li>
 *   <li>looks for likely duplicates ({@link DuplicateFinder}) and, as {@code onDuplicate} says, stops there;</li>
 *   <li>creates the lead through {@link LeadService} (audit, search terms, rating and lifecycle events
 *       happen as for any lead) and stores the draft's message as its first inbound interaction.</li>
 * </ol>
 * The acting user is the caller of the request or job ({@link CurrentCaller}; a public web form
 * acts as the form's owner, a mailbox poll as the tenant's first administrator): leads are created
 * by and owned by that user. A refusal (invalid draft, duplicate) stores nothing but the receipt
 * of its message id.
 */
@RequestScoped
public class LeadIntake {

    /** What to do when likely duplicates exist. */
    public enum OnDuplicate {
        /** Create the lead anyway and report the candidates. */
        CREATE,
        /** Do not create it; report the candidates. */
        SKIP,
        /** Attach the message to the newest lead with the same e-mail address; otherwise as the tenant policy. */
        ATTACH,
        /** As the tenant's duplicate policy: WARN creates and reports, REJECT skips. */
        TENANT_POLICY
    }

    @Inject
    LeadService leads;

    @Inject
    DuplicateFinder finder;

    @Inject
    DuplicateCheck duplicateCheck;

    @Inject
    DuplicateGuard guard;

    @Inject
    LeadItems items;

    @Inject
    InteractionKind interactions;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    /**
     * Takes in one lead draft.
     *
     * @param draft        what the source read
     * @param source       the channel, stored as the lead's {@code origin.source}
     * @param sourceDetail the lead's {@code origin.detail}; null keeps the draft's own
     * @param onDuplicate  what likely duplicates mean for this intake
     * @return what happened; never null. Only unexpected failures throw.
     */
    @Transactional
    public IntakeOutcome accept(LeadDraft draft, Source source, String sourceDetail, OnDuplicate onDuplicate) {
        EntityManager em = persistence.em();
        InboundMessage message = draft.message();
        String messageId = message == null ? null : clean(message.messageId());
        if (messageId != null) {
            IntakeReceipt earlier = receipt(em, messageId);
            if (earlier != null) {
                return replay(em, earlier, draft);
            }
        }
        if (message != null && !message.references().isEmpty()) {
            Lead thread = leadOfThread(em, message.references());
            if (thread != null) {
                return attach(em, thread, draft, messageId, source, "a reply in the thread of this lead");
            }
        }
        JsonObject body = leadBody(draft, source, sourceDetail);
        // Before the lookups by sender and by duplicate keys, which a concurrent intake of the same
        // person must not pass at the same time.
        guard.lock(DuplicateFinder.Probe.of(body));
        if (onDuplicate == OnDuplicate.ATTACH && draft.email() != null && !draft.email().isBlank()) {
            List<Lead> known = em.createQuery("SELECT l FROM Lead l WHERE l.emailKey = :e AND l.deletedAt IS NULL"
                            + " ORDER BY l.createdAt DESC", Lead.class)
                    .setParameter("e", draft.email().strip().toLowerCase(Locale.ROOT)).setMaxResults(1).getResultList();
            if (!known.isEmpty()) {
                return attach(em, known.get(0), draft, messageId, source, "the sender is known as this lead");
            }
        }
        LeadData data;
        try {
            data = leads.check(body);
        } catch (ProblemException e) {
            return new IntakeOutcome(IntakeOutcome.Kind.INVALID, null, List.of(), e.getMessage(), e.errors(), false,
                    draft.provenance());
        }
        List<DuplicateFinder.Candidate> candidates = finder.find(DuplicateFinder.Probe.of(data));
        if (!candidates.isEmpty() && skips(onDuplicate)) {
            // No receipt: the same message sent again with "create anyway" must be able to create the lead.
            String reason = DuplicateCheck.warning(candidates.size());
            return new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, null, candidates, reason, List.of(), false,
                    draft.provenance());
        }
        Lead lead = leads.create(body, null).lead();
        // The timeline locks the lead's row, which must be in the database for that.
        em.flush();
        if (message != null) {
            addMessage(lead, message);
        }
        record(em, messageId, source, IntakeOutcome.Kind.CREATED, lead.id(), null);
        return new IntakeOutcome(IntakeOutcome.Kind.CREATED, lead, candidates,
                candidates.isEmpty() ? null : DuplicateCheck.warning(candidates.size()), List.of(), false,
                draft.provenance());
    }

    /** Records material a source recognised as not being a lead; a second upload gives the same answer. */
    @Transactional
    public IntakeOutcome ignore(NotALead notALead, Source source) {
        EntityManager em = persistence.em();
        String reference = clean(notALead.reference());
        if (reference != null) {
            IntakeReceipt earlier = receipt(em, reference);
            if (earlier != null) {
                return replay(em, earlier, null);
            }
        }
        String reason = notALead.reason() == null ? "not a lead" : printable(notALead.reason());
        record(em, reference, source, IntakeOutcome.Kind.IGNORED, null, reason);
        return new IntakeOutcome(IntakeOutcome.Kind.IGNORED, null, List.of(), reason, List.of(), false, Map.of());
    }

    private boolean skips(OnDuplicate onDuplicate) {
        return switch (onDuplicate) {
            case CREATE -> false;
            case SKIP -> true;
            case ATTACH, TENANT_POLICY -> duplicateCheck.policy() == DuplicatePolicy.REJECT;
        };
    }

    private IntakeOutcome attach(EntityManager em, Lead lead, LeadDraft draft, String messageId, Source source,
                                 String reason) {
        if (draft.message() != null) {
            addMessage(lead, draft.message());
        }
        record(em, messageId, source, IntakeOutcome.Kind.ATTACHED, lead.id(), reason);
        return new IntakeOutcome(IntakeOutcome.Kind.ATTACHED, lead, List.of(), reason, List.of(), false,
                draft.provenance());
    }

    private IntakeOutcome replay(EntityManager em, IntakeReceipt earlier, LeadDraft draft) {
        Lead lead = null;
        if (earlier.leadId() != null) {
            Lead found = em.find(Lead.class, earlier.leadId());
            lead = found != null && found.deletedAt() == null ? found : null;
        }
        String reason = "taken in before, at " + earlier.receivedAt()
                + (earlier.reason() != null ? ": " + earlier.reason() : "");
        return new IntakeOutcome(earlier.outcome(), lead, List.of(), reason, List.of(), true,
                draft == null ? Map.of() : draft.provenance());
    }

    /** The lead of the newest referenced message the tenant took in, if it still exists. */
    private static Lead leadOfThread(EntityManager em, List<String> references) {
        List<String> keys = new ArrayList<>();
        for (String ref : references) {
            String id = clean(ref);
            if (id != null && keys.size() < 100) {
                keys.add(IntakeReceipt.key(id));
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        List<IntakeReceipt> receipts = em.createQuery("SELECT r FROM IntakeReceipt r WHERE r.externalKey IN :k"
                        + " AND r.leadId IS NOT NULL ORDER BY r.receivedAt DESC", IntakeReceipt.class)
                .setParameter("k", keys).getResultList();
        for (IntakeReceipt r : receipts) {
            Lead lead = em.find(Lead.class, r.leadId());
            if (lead != null && lead.deletedAt() == null) {
                return lead;
            }
        }
        return null;
    }

    private void addMessage(Lead lead, InboundMessage message) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("medium", medium(message.medium()).name())
                .add("direction", "INBOUND");
        if (message.subject() != null && !message.subject().isBlank()) {
            b.add("purpose", cut(message.subject().strip(), 200));
        }
        if (message.text() != null && !message.text().isBlank()) {
            b.add("content", Json.createObjectBuilder().add("text", cut(message.text().strip(), 10000)));
        }
        Instant sent = message.sentAt();
        if (sent != null && !sent.isAfter(Instant.now())) {
            b.add("occurredAt", sent.toString());
        }
        items.create(interactions, lead.id(), RecordBodyReader.bind(b.build(), InteractionView.class));
    }

    private static Medium medium(String name) {
        try {
            return Medium.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Medium.OTHER;
        }
    }

    private static IntakeReceipt receipt(EntityManager em, String externalId) {
        List<IntakeReceipt> found = em.createQuery("SELECT r FROM IntakeReceipt r WHERE r.externalKey = :k",
                IntakeReceipt.class).setParameter("k", IntakeReceipt.key(externalId)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private void record(EntityManager em, String externalId, Source source, IntakeOutcome.Kind kind, String leadId,
                        String reason) {
        if (externalId != null) {
            em.persist(new IntakeReceipt(externalId, source, kind, leadId, reason, caller.userId()));
            em.flush();
        }
    }

    /** An external id without angle brackets and surrounding space; null when empty. */
    static String clean(String id) {
        if (id == null) {
            return null;
        }
        String s = printable(id).strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    /** The draft as a lead document of the lead API, so it is checked by exactly the same rules. */
    static JsonObject leadBody(LeadDraft d, Source source, String sourceDetail) {
        JsonObjectBuilder person = Json.createObjectBuilder();
        put(person, "salutation", d.salutation());
        put(person, "firstName", d.firstName());
        put(person, "lastName", d.lastName());
        put(person, "jobTitle", d.jobTitle());
        put(person, "email", d.email());
        put(person, "businessPhone", d.phone());
        put(person, "mobilePhone", d.mobilePhone());
        JsonObjectBuilder address = Json.createObjectBuilder();
        put(address, "street", d.street());
        put(address, "postalCode", d.postalCode());
        put(address, "city", d.city());
        put(address, "country", d.country());
        JsonObjectBuilder company = Json.createObjectBuilder();
        put(company, "name", d.companyName());
        put(company, "website", d.website());
        JsonObject a = address.build();
        if (!a.isEmpty()) {
            company.add("address", a);
        }
        JsonObjectBuilder origin = Json.createObjectBuilder().add("source", source.name());
        put(origin, "detail", sourceDetail != null ? sourceDetail : d.sourceDetail());
        JsonObjectBuilder b = Json.createObjectBuilder().add("person", person).add("origin", origin);
        JsonObject c = company.build();
        if (!c.isEmpty()) {
            b.add("company", c);
        }
        JsonObjectBuilder qualification = Json.createObjectBuilder();
        if (d.budget() != null) {
            JsonObjectBuilder money = Json.createObjectBuilder();
            if (d.budget().amount() != null) {
                money.add("amount", d.budget().amount());
            }
            put(money, "currency", d.budget().currency());
            qualification.add("budget", money);
        }
        put(qualification, "need", d.need());
        JsonObject q = qualification.build();
        if (!q.isEmpty()) {
            b.add("qualification", q);
        }
        put(b, "topic", d.topic());
        if (!d.extra().isEmpty()) {
            StringBuilder description = new StringBuilder();
            new java.util.TreeMap<>(d.extra()).forEach((k, v) -> description.append(k).append(": ").append(v).append('\n'));
            b.add("description", cut(description.toString().strip(), 4000));
        }
        return b.build();
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        String v = printable(value);
        if (v != null && !v.isBlank()) {
            b.add(key, v.strip());
        }
    }

    private static String cut(String s, int max) {
        s = printable(s);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * Without control characters other than line breaks and tabs: mail may carry NUL bytes, which
     * PostgreSQL refuses to store in text, and nothing a source reads needs them.
     */
    static String printable(String s) {
        return s == null ? null : CONTROL.matcher(s).replaceAll("");
    }

    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

}
