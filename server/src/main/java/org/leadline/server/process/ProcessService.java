package org.leadline.server.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.lead.LeadStatus;
import org.leadline.api.problem.FieldError;
import org.leadline.api.process.LeadProcessView;
import org.leadline.plugin.api.process.StageDefinition;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadEvent;
import org.leadline.server.lead.LeadJson;
import org.leadline.server.lead.LeadService;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.plugins.ProcessDefinitions;
import org.leadline.server.plugins.ProcessDefinitions.ProcessOffer;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.TimelineEntries;
import org.leadline.server.timeline.TimelineKind;

/** The staged process of a lead: where it stands, what it needs, moving it between stages. */
@ApplicationScoped
@Transactional
public class ProcessService {

    /** The process the seed ships, chosen for a tenant that has not chosen one. */
    static final String DEFAULT_PROCESS = "process-sales/sales";
    static final int MAX_ITEM_LENGTH = LeadProcessView.ChecklistTick.MAX_ITEM_LENGTH;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    ProcessDefinitions host;

    @Inject
    LeadService leads;

    @Inject
    Event<LeadEvent> events;

    /** A lead's position in its process. */
    public record LeadProcess(ProcessOffer process, Lead lead, String currentStage, List<StageProgress> stages,
                              List<StageChange> history, Map<String, Duration> timeInStage) {

        int index(String key) {
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).stage().key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        public Optional<StageProgress> next() {
            int i = index(currentStage);
            return i + 1 < stages.size() ? Optional.of(stages.get(i + 1)) : Optional.empty();
        }

        public StageProgress current() {
            return stages.get(index(currentStage));
        }
    }

    /** The processes the tenant may choose, which one it uses, and the version of its choice (0 before the first). */
    public record Choice(List<ProcessOffer> available, ProcessOffer current, long version) {
    }

    public Choice choice() {
        List<ProcessOffer> offers = host.processes(caller.tenantId());
        return new Choice(offers, currentOf(offers).orElse(null), stored().map(TenantProcess::version).orElse(0L));
    }

    /** Chooses the tenant's process; {@code expectedVersion} (If-Match) null accepts any current choice. */
    public Choice choose(String key, Long expectedVersion) {
        List<ProcessOffer> offers = host.processes(caller.tenantId());
        ProcessOffer chosen = offers.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.field("process", "must be one of the available processes "
                        + offers.stream().map(ProcessOffer::key).toList()));
        EntityManager em = persistence.em();
        Optional<TenantProcess> row = stored();
        Preconditions.check("The tenant's process choice", row.map(TenantProcess::version).orElse(0L), expectedVersion);
        TenantProcess choice = row.orElseGet(() -> {
            TenantProcess created = new TenantProcess(chosen.pluginId(), chosen.extensionId(), caller.userId());
            em.persist(created);
            return created;
        });
        choice.choose(chosen.pluginId(), chosen.extensionId(), caller.userId());
        em.flush();
        return new Choice(offers, chosen, choice.version());
    }

    /** The tenant's stored choice, if an administrator made one. */
    private Optional<TenantProcess> stored() {
        return persistence.em().createQuery("SELECT p FROM TenantProcess p", TenantProcess.class).getResultList()
                .stream().findFirst();
    }

    private Optional<ProcessOffer> currentOf(List<ProcessOffer> offers) {
        List<TenantProcess> rows = stored().stream().toList();
        String key = rows.isEmpty() ? DEFAULT_PROCESS : rows.get(0).key();
        Optional<ProcessOffer> chosen = offers.stream().filter(o -> o.key().equals(key)).findFirst();
        return chosen.isPresent() ? chosen : offers.stream().findFirst();
    }

    private ProcessOffer processOrFail() {
        return currentOf(host.processes(caller.tenantId())).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "No sales process is available to this tenant: enable a process definition plugin"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadProcess of(String leadId) {
        return evaluate(leads.find(leadId), processOrFail());
    }

    /** The stage key shown on a lead: its stored stage when the process knows it, else the first stage. */
    static String currentStage(Lead lead, ProcessOffer process) {
        String stored = lead.stage();
        if (stored != null && process.stages().stream().anyMatch(s -> s.key().equals(stored))) {
            return stored;
        }
        return process.stages().get(0).key();
    }

    LeadProcess evaluate(Lead lead, ProcessOffer process) {
        EntityManager em = persistence.em();
        Map<String, Long> facts = counts(em, lead.id());
        Set<String> ticked = new HashSet<>();
        ticks(lead.id()).forEach(t -> ticked.add(StageProgress.tickKey(t.stageKey(), t.item())));
        jakarta.json.JsonObject json = LeadJson.write(lead);
        List<StageProgress> stages = new ArrayList<>();
        for (StageDefinition s : process.stages()) {
            stages.add(StageProgress.of(s, json, facts, ticked));
        }
        List<StageChange> history = em.createQuery(
                        "SELECT c FROM StageChange c WHERE c.leadId = :lead ORDER BY c.changedAt, c.id", StageChange.class)
                .setParameter("lead", lead.id()).getResultList();
        String current = currentStage(lead, process);
        return new LeadProcess(process, lead, current, stages, history,
                timeInStage(lead.createdAt(), process.stages().get(0).key(), history, Timestamps.now()));
    }

    /** Time spent in each stage: from entering it to leaving it, summed over every visit, until {@code now}. */
    static Map<String, Duration> timeInStage(Instant createdAt, String firstStage, List<StageChange> history, Instant now) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        String stage = firstStage;
        Instant since = createdAt;
        for (StageChange c : history) {
            String from = c.fromStage() != null ? c.fromStage() : stage;
            spent.merge(from, Duration.between(since, c.changedAt()), Duration::plus);
            stage = c.toStage();
            since = c.changedAt();
        }
        spent.merge(stage, Duration.between(since, now), Duration::plus);
        return spent;
    }

    /**
     * How many stakeholders, competitors and interactions the lead has, in one statement (three
     * were most of what the process view spent in the persistence layer). Native SQL, so the
     * tenant is named here: the lead's own row must be the caller tenant's.
     */
    private Map<String, Long> counts(EntityManager em, String leadId) {
        List<?> rows = em.createNativeQuery("SELECT"
                        + " (SELECT COUNT(*) FROM stakeholders s WHERE s.tenant_id = l.tenant_id AND s.lead_id = l.id),"
                        + " (SELECT COUNT(*) FROM competitors c WHERE c.tenant_id = l.tenant_id AND c.lead_id = l.id),"
                        + " (SELECT COUNT(*) FROM interactions i WHERE i.tenant_id = l.tenant_id AND i.lead_id = l.id)"
                        + " FROM leads l WHERE l.id = ? AND l.tenant_id = ?")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, leadId).setParameter(2, caller.tenantId()).getResultList();
        // no row only if the lead was purged since it was read: then it has none of them
        Object[] row = rows.isEmpty() ? new Object[] {0L, 0L, 0L} : (Object[]) rows.get(0);
        Map<String, Long> facts = new HashMap<>();
        facts.put("stakeholders", ((Number) row[0]).longValue());
        facts.put("competitors", ((Number) row[1]).longValue());
        facts.put("interactions", ((Number) row[2]).longValue());
        return facts;
    }

    private List<ChecklistTick> ticks(String leadId) {
        return persistence.em().createQuery("SELECT t FROM ChecklistTick t WHERE t.leadId = :lead", ChecklistTick.class)
                .setParameter("lead", leadId).getResultList();
    }

    /**
     * Moves the lead to {@code stageKey}. Forward only when every stage it leaves has its required
     * fields and ticked checklist (422 listing what is missing); back at any time.
     */
    public LeadProcess moveTo(String leadId, Long expectedVersion, String stageKey) {
        Lead lead = leads.find(leadId);
        if (expectedVersion != null && expectedVersion != lead.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The lead is at version " + lead.version()
                    + ", your If-Match names version " + expectedVersion + "; read it again");
        }
        requireOpen(lead);
        ProcessOffer process = processOrFail();
        LeadProcess now = evaluate(lead, process);
        int target = now.index(stageKey);
        if (target < 0) {
            throw ProblemException.field("stage", "must be one of " + process.stages().stream().map(StageDefinition::key).toList());
        }
        int from = now.index(now.currentStage());
        if (target == from) {
            return now;
        }
        if (target > from) {
            List<FieldError> missing = new ArrayList<>();
            for (int i = from; i < target; i++) {
                missing.addAll(now.stages().get(i).missing());
            }
            if (!missing.isEmpty()) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "The lead cannot move to stage " + stageKey
                        + " yet: " + missing.size() + " requirement(s) of stage " + now.currentStage()
                        + (target - from > 1 ? " and later stages" : "") + " are missing", missing);
            }
        }
        Instant at = Timestamps.now();
        StageChange change = new StageChange(lead.id(), now.currentStage(), stageKey, at, caller.userId());
        EntityManager em = persistence.em();
        em.persist(change);
        TimelineEntries.add(em, lead.id(), TimelineKind.STAGE_CHANGE, change.id(), at, caller.userId());
        lead.moveToStage(stageKey, caller.userId());
        em.flush();
        events.fire(new LeadEvent.StageChanged(caller.tenantId(), lead.id(), caller.userId(), now.currentStage(), stageKey));
        return evaluate(lead, process);
    }

    /** Ticks or unticks a checklist item of one of the process's stages. */
    public LeadProcess tick(String leadId, Long expectedVersion, String stageKey, String item, boolean done) {
        Lead lead = leads.find(leadId);
        if (expectedVersion != null && expectedVersion != lead.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The lead is at version " + lead.version()
                    + ", your If-Match names version " + expectedVersion + "; read it again");
        }
        requireOpen(lead);
        ProcessOffer process = processOrFail();
        StageDefinition stage = process.stages().stream().filter(s -> s.key().equals(stageKey)).findFirst()
                .orElseThrow(() -> ProblemException.field("stage", "must be one of "
                        + process.stages().stream().map(StageDefinition::key).toList()));
        if (!stage.exitCriteria().contains(item)) {
            throw ProblemException.field("item", "must be one of the checklist items of stage " + stageKey + ": "
                    + stage.exitCriteria());
        }
        EntityManager em = persistence.em();
        List<ChecklistTick> existing = em.createQuery("SELECT t FROM ChecklistTick t WHERE t.leadId = :lead"
                        + " AND t.stageKey = :stage AND t.item = :item", ChecklistTick.class)
                .setParameter("lead", leadId).setParameter("stage", stageKey).setParameter("item", item).getResultList();
        if (done && existing.isEmpty()) {
            em.persist(new ChecklistTick(leadId, stageKey, item, caller.userId()));
        } else if (!done) {
            existing.forEach(em::remove);
        }
        em.flush();
        return evaluate(lead, process);
    }

    private static void requireOpen(Lead lead) {
        if (lead.status() != LeadStatus.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "Lead " + lead.id() + " is " + lead.status()
                    + "; only open leads move through the process");
        }
    }
}
