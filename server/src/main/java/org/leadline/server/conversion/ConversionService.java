package org.leadline.server.conversion;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.conversion.QualificationView;
import org.leadline.api.conversion.QualificationView.Action;
import org.leadline.api.conversion.QualificationView.HandlerDecision;
import org.leadline.api.conversion.QualificationView.OpportunityPart;
import org.leadline.api.conversion.QualificationView.Part;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadStatus;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadService;
import org.leadline.server.party.Competitor;
import org.leadline.server.party.Stakeholder;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.plugins.LeadViews;
import org.leadline.server.plugins.ConversionHandlers;
import org.leadline.server.plugins.Extensions;
import org.leadline.server.plugins.outbox.Outbox;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Qualifying a lead: its person becomes a Contact, its company an Account (each matched to an
 * existing one where possible) and the deal an Opportunity, all in one transaction together with
 * the lead turning QUALIFIED, the record that it happened, and the tenant's conversion handlers'
 * say. Anything failing or vetoing rolls all of it back.
 */
@RequestScoped
@Transactional
public class ConversionService {

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    LeadService leads;

    @Inject
    ConversionHandlers handlers;

    @Inject
    Event<LeadEvent> events;

    @Inject
    Outbox outbox;

    /** What the client asked for the opportunity; all optional. */
    public record OpportunityInput(String topic, BigDecimal valueAmount, String valueCurrency, LocalDate expectedClose) {
    }

    /** What qualification did or would do, and whether it had been done before. */
    public record Outcome(QualificationView result, boolean replayed) {
    }

    /** The earlier qualification of the lead, if there was one. */
    public Optional<Outcome> previous(String leadId) {
        EntityManager em = persistence.em();
        em.clear();
        List<LeadConversion> rows = em.createQuery("SELECT c FROM LeadConversion c WHERE c.leadId = :lead",
                LeadConversion.class).setParameter("lead", leadId).getResultList();
        return rows.stream().findFirst().map(c -> new Outcome(stored(
                Json.createReader(new StringReader(c.result())).readObject()), true));
    }

    public Outcome qualify(String leadId, Long expectedVersion, OpportunityInput input, boolean dryRun) {
        Lead lead = leads.find(leadId);
        Optional<Outcome> earlier = previous(leadId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        lead = leads.find(leadId);
        if (expectedVersion != null && expectedVersion != lead.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The lead is at version " + lead.version()
                    + ", your If-Match names version " + expectedVersion + "; read it again");
        }
        if (lead.status() != LeadStatus.OPEN) {
            if (lead.status() == LeadStatus.QUALIFIED) {
                // A concurrent qualification committed between the look for an earlier one and
                // reading the lead: its record is visible now, and is the answer.
                Optional<Outcome> concurrent = previous(leadId);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
            }
            throw new ProblemException(ProblemType.CONFLICT, "Lead " + leadId + " is " + lead.status()
                    + "; reopen it before qualifying");
        }
        EntityManager em = persistence.em();
        LeadData data = lead.data();
        LeadData.Person p = data.person();
        LeadData.Company c = data.company();
        LeadData.Qualification q = data.qualification();

        Optional<Contact> contactMatch = Optional.ofNullable(Matching.emailKey(p.email())).flatMap(key ->
                em.createQuery("SELECT c FROM Contact c WHERE c.emailKey = :k ORDER BY c.createdAt, c.id", Contact.class)
                        .setParameter("k", key).setMaxResults(1).getResultList().stream().findFirst());
        Optional<Account> accountMatch = Optional.empty();
        String accountReason = null;
        if (c != null && c.name() != null) {
            String website = Matching.websiteKey(c.website());
            if (website != null) {
                accountMatch = em.createQuery("SELECT a FROM Account a WHERE a.websiteKey = :k ORDER BY a.createdAt, a.id",
                        Account.class).setParameter("k", website).setMaxResults(1).getResultList().stream().findFirst();
                accountReason = accountMatch.isPresent() ? "same website" : null;
            }
            if (accountMatch.isEmpty()) {
                accountMatch = em.createQuery("SELECT a FROM Account a WHERE a.nameKey = :k ORDER BY a.createdAt, a.id",
                        Account.class).setParameter("k", Matching.companyKey(c.name())).setMaxResults(1)
                        .getResultList().stream().findFirst();
                accountReason = accountMatch.isPresent() ? "same company name" : null;
            }
        }
        String topic = input.topic() != null ? input.topic() : data.topic() != null ? data.topic()
                : "Opportunity with " + (c != null && c.name() != null ? c.name() : p.lastName());
        List<Stakeholder> stakeholders = em.createQuery("SELECT s FROM Stakeholder s WHERE s.leadId = :lead ORDER BY s.id",
                Stakeholder.class).setParameter("lead", leadId).getResultList();
        List<Competitor> competitors = em.createQuery("SELECT s FROM Competitor s WHERE s.leadId = :lead ORDER BY s.id",
                Competitor.class).setParameter("lead", leadId).getResultList();

        if (dryRun) {
            // The handlers see what the qualification would make: linked records by id, new ones as null.
            Conversion preview = new Conversion(LeadViews.of(em, lead), contactMatch.map(Contact::id).orElse(null),
                    c == null || c.name() == null ? null : accountMatch.map(Account::id).orElse(null), null, caller.userId());
            List<QualificationView.Handler> answers = preview(caller.tenantId(), preview);
            QualificationView result = result(lead, true,
                    contactMatch.map(x -> part(x.id(), Action.LINKED, "same e-mail")).orElse(part(null, Action.CREATED, null)),
                    c == null || c.name() == null ? null : accountMatch.map(
                            x -> part(x.id(), Action.LINKED, null)).orElse(part(null, Action.CREATED, null)),
                    accountReason, null, topic, stakeholders.size(), competitors.size());
            return new Outcome(new QualificationView(result.leadId(), result.dryRun(), result.status(), result.contact(),
                    result.account(), result.opportunity(), answers), false);
        }

        // First: claim the lead. A concurrent qualification fails here (unique key) or on the lead's version.
        LeadConversion record = new LeadConversion(leadId, caller.userId());
        em.persist(record);
        em.flush();

        Account account = accountMatch.orElse(null);
        Action accountAction = Action.LINKED;
        if (account == null && c != null && c.name() != null) {
            account = new Account(c.name(), c.website(), c.industry(), c.address() == null ? null : c.address().country());
            em.persist(account);
            accountAction = Action.CREATED;
        }
        Contact contact = contactMatch.orElse(null);
        Action contactAction = Action.LINKED;
        if (contact == null) {
            contact = new Contact(account == null ? null : account.id(), p.salutation(), p.firstName(), p.lastName(),
                    p.jobTitle(), p.email(), p.businessPhone() != null ? p.businessPhone() : p.mobilePhone());
            em.persist(contact);
            contactAction = Action.CREATED;
        } else if (account != null) {
            contact.linkAccount(account.id());
        }
        Opportunity opportunity = new Opportunity(leadId, contact.id(), account == null ? null : account.id(), topic,
                q == null || q.budget() == null ? null : q.budget().amount(),
                q == null || q.budget() == null ? null : q.budget().currency(),
                input.valueAmount() != null ? input.valueAmount() : q == null || q.budget() == null ? null : q.budget().amount(),
                input.valueAmount() != null ? input.valueCurrency() : q == null || q.budget() == null ? null : q.budget().currency(),
                input.expectedClose(), stakeholdersJson(stakeholders), competitorsJson(competitors));
        em.persist(opportunity);
        lead.changeStatus(LeadStatus.QUALIFIED, caller.userId());

        QualificationView result = result(lead, false,
                part(contact.id(), contactAction, contactAction == Action.LINKED ? "same e-mail" : null),
                account == null ? null : part(account.id(), accountAction, null), accountReason,
                opportunity.id(), topic, stakeholders.size(), competitors.size());
        record.result(RecordJson.toJson(result).toString());
        em.flush();

        LeadView view = LeadViews.of(em, lead);
        Conversion conversion = new Conversion(view, contact.id(), account == null ? null : account.id(),
                opportunity.id(), caller.userId());
        String tenantId = caller.tenantId();
        Optional<String> veto = firstVeto(tenantId, conversion);
        if (veto.isPresent()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The qualification was vetoed by the conversion handler "
                    + veto.get() + "; nothing was created");
        }
        // After the handlers' say: a vetoed qualification never happened, not even for in-transaction listeners.
        events.fire(new LeadEvent.Qualified(tenantId, leadId, caller.userId(), contact.id(),
                account == null ? null : account.id(), opportunity.id()));
        // Told after commit through the outbox, whose entry is written in this transaction.
        outbox.conversion(tenantId, conversion);
        return new Outcome(result, false);
    }

    /**
     * Asks the tenant's enabled conversion handlers in turn before the qualification commits; the
     * first veto wins, as "plugin/extension: reason". A handler that fails or times out does not veto.
     */
    private Optional<String> firstVeto(String tenantId, Conversion conversion) {
        for (Extensions.Enabled handler : handlers.enabled(tenantId)) {
            var decision = handlers.beforeCommit(tenantId, handler, conversion);
            if (decision.ok() && decision.value() != null && decision.value().vetoed()) {
                return Optional.of(handler.key() + ": " + decision.value().reason());
            }
        }
        return Optional.empty();
    }

    /**
     * What each enabled handler answers to a qualification that is only previewed: its decision and,
     * in its own words, what it will do after commit. A failure is shown, and is no veto.
     */
    private List<QualificationView.Handler> preview(String tenantId, Conversion conversion) {
        List<QualificationView.Handler> answers = new ArrayList<>();
        for (Extensions.Enabled handler : handlers.enabled(tenantId)) {
            var decision = handlers.beforeCommit(tenantId, handler, conversion);
            var effect = handlers.preview(tenantId, handler, conversion);
            boolean vetoes = decision.ok() && decision.value() != null && decision.value().vetoed();
            String failure = decision.skipped() ? "is quarantined for this tenant" : decision.failure();
            answers.add(new QualificationView.Handler(handler.pluginId(), handler.id(),
                    vetoes ? HandlerDecision.VETOES : failure != null ? HandlerDecision.FAILED : HandlerDecision.PROCEEDS,
                    vetoes ? decision.value().reason() : failure, effect.ok() ? effect.value() : null));
        }
        return answers;
    }

    private static Part part(String id, Action action, String reason) {
        return new Part(id, action, reason);
    }

    /** The answer; the opportunity's id is null in a dry run, which creates none. */
    private static QualificationView result(Lead lead, boolean dryRun, Part contact, Part account,
                                            String accountReason, String opportunityId, String topic, int stakeholders,
                                            int competitors) {
        return new QualificationView(lead.id(), dryRun, dryRun ? lead.status() : LeadStatus.QUALIFIED, contact,
                account == null || accountReason == null ? account
                        : new Part(account.id(), account.action(), accountReason),
                new OpportunityPart(opportunityId, Action.CREATED, topic, stakeholders, competitors), null);
    }

    /** The column's size: a lead with more parties than fit carries over the first ones. */
    static final int MAX_CARRIED = 16000;

    private static String fitting(List<JsonObject> items) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        int length = 2;
        for (JsonObject item : items) {
            length += item.toString().length() + 1;
            if (length > MAX_CARRIED) {
                break;
            }
            a.add(item);
        }
        return a.build().toString();
    }

    private static String stakeholdersJson(List<Stakeholder> list) {
        List<JsonObject> a = new ArrayList<>();
        for (Stakeholder s : list) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("name", s.name()).add("role", s.role().name())
                    .add("attitude", s.attitude().name());
            if (s.jobTitle() != null) {
                b.add("jobTitle", s.jobTitle());
            }
            if (s.email() != null) {
                b.add("email", s.email());
            }
            if (s.phone() != null) {
                b.add("phone", s.phone());
            }
            a.add(b.build());
        }
        return fitting(a);
    }

    private static String competitorsJson(List<Competitor> list) {
        List<JsonObject> a = new ArrayList<>();
        for (Competitor s : list) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("name", s.name()).add("status", s.status().name());
            if (s.offer() != null) {
                b.add("offer", s.offer());
            }
            if (s.strengths() != null) {
                b.add("strengths", s.strengths());
            }
            if (s.weaknesses() != null) {
                b.add("weaknesses", s.weaknesses());
            }
            a.add(b.build());
        }
        return fitting(a);
    }

    /** The answer as stored with the qualification: the JSON the result was written as. */
    static QualificationView stored(JsonObject stored) {
        JsonObject o = stored.getJsonObject("opportunity");
        return new QualificationView(stored.getString("leadId"), stored.getBoolean("dryRun"),
                LeadStatus.valueOf(stored.getString("status")), storedPart(stored.getJsonObject("contact")),
                stored.isNull("account") ? null : storedPart(stored.getJsonObject("account")),
                new OpportunityPart(text(o, "id"), Action.valueOf(o.getString("action")), o.getString("topic"),
                        o.getInt("stakeholdersCarriedOver"), o.getInt("competitorsCarriedOver")), null);
    }

    private static Part storedPart(JsonObject stored) {
        return new Part(text(stored, "id"), Action.valueOf(stored.getString("action")), text(stored, "matchedBy"));
    }

    private static String text(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }
}
