package org.leadline.server.lead;

import java.io.OutputStream;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

import org.leadline.api.lead.LeadScoring;
import org.leadline.api.lead.LeadView;
import org.leadline.api.tenancy.Role;
import org.leadline.server.capture.DuplicateCheck;
import org.leadline.server.capture.DuplicateFinder;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.process.ProcessService;
import org.leadline.server.process.ProcessViewMapper;
import org.leadline.server.timeline.TimelineEntryView;
import org.leadline.server.timeline.TimelineFeed;
import org.leadline.server.timeline.TimelineKind;
import org.leadline.server.tenancy.Caller;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * Reads one lead's page once in the background after the server is ready, so the first user who
 * opens a lead does not wait for the server's first-time work on those paths.
 *
 * <p>The first lead page after a start cost 2.7 s on Derby (the process view and the timeline 1.7
 * and 2.1 s), 30–45 ms each once warm. A profile of those first requests shows one-time work spread
 * over the frameworks, none of it ours to make cheaper: Derby compiling each statement into a class
 * the first time it sees its text, EclipseLink parsing and preparing each JPQL query, Weld generating
 * the client proxies of the beans involved, the classes of those paths loaded and linked, the JSON
 * writer's record accessors looked up, an unwarmed JIT. Done at start it would delay readiness;
 * done here it runs while the server waits for its first user.
 *
 * <p>What it reads: the lead, its rating, its process view, the first page of its timeline and its
 * likely duplicates, each written as JSON to nowhere, for a lead that has a timeline (any tenant's:
 * the statements and classes are the same for every tenant). It changes nothing: it runs in a
 * transaction it always rolls back, and acts for the lead's owner only inside its own request
 * context; it logs how long the read took. No lead yet, and it does nothing; anything failing, and it
 * logs why and does nothing more.
 * It starts after the plugins (so the tenant's process is there) and opens its request context
 * and transaction itself: the interceptors of a call through this bean's own proxy from the
 * executor's thread did not run. On by default; {@code leadline.warm-up=false} turns it off.
 */
@ApplicationScoped
public class LeadPageWarmup {

    /** Turns the warm-up off: {@code leadline.warm-up=false}. */
    public static final String ENABLED = "leadline.warm-up";

    private static final Logger LOG = Logger.getLogger(LeadPageWarmup.class.getName());
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    private static final URI BASE = URI.create("http://localhost/api/v1/");

    @Resource
    ManagedExecutorService executor;

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    RequestContextController requestContext;

    @Resource
    UserTransaction transaction;

    @Inject
    CurrentCaller caller;

    @Inject
    LeadService leads;

    @Inject
    Instance<LeadDetails<LeadScoring>> scoring;

    @Inject
    ProcessService process;

    @Inject
    TimelineFeed timeline;

    @Inject
    DuplicateFinder duplicates;

    /** A lead to read and the tenant and user to read it as. */
    record Sample(String leadId, String tenantId, String ownerId) {
    }

    /** After the plugins have started (their observer has the default priority), so the process view has its process. */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup.Ready ready) {
        if (!Settings.get(ENABLED).map(Boolean::parseBoolean).orElse(true)) {
            return;
        }
        executor.execute(this::warm);
    }

    void warm() {
        long start = System.nanoTime();
        try {
            Sample sample = sample();
            if (sample == null) {
                return;
            }
            read(sample);
            LOG.info(() -> String.format("Warm-up: a lead page read once in %.0f ms", (System.nanoTime() - start) / 1e6));
        } catch (RuntimeException | SystemException | NotSupportedException e) {
            LOG.log(Level.WARNING, "Warm-up skipped: " + e, e);
        }
    }

    /** A lead with timeline entries, or null. */
    private Sample sample() {
        EntityManager em = emf.createEntityManager();
        try {
            // Deliberately across tenants: the read then runs bound to the lead's own tenant.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT l.id, l.tenant_id, l.owner_id FROM leads l"
                            + " WHERE l.id = (SELECT t.lead_id FROM timeline_entries t FETCH FIRST 1 ROWS ONLY)"
                            + " AND l.deleted_at IS NULL")
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .getResultList();
            return rows.isEmpty() ? null
                    : new Sample((String) rows.get(0)[0], (String) rows.get(0)[1], (String) rows.get(0)[2]);
        } finally {
            em.close();
        }
    }

    /**
     * Reads the lead's page as the UI does, in a request context and a transaction of its own,
     * started and ended here rather than by interceptors (a call through this bean's own proxy
     * from its executor thread was not intercepted), and always rolled back.
     */
    void read(Sample sample) throws SystemException, NotSupportedException {
        requestContext.activate();
        try {
            transaction.begin();
            try {
                readInContext(sample);
            } finally {
                transaction.rollback();
            }
        } finally {
            requestContext.deactivate();
        }
    }

    private void readInContext(Sample sample) {
        caller.bindForJob(new Caller(sample.ownerId(), "warm-up", sample.tenantId(), Set.of(Role.SALES), null, null));
        Lead lead = leads.find(sample.leadId());
        write(LeadViewMapper.of(lead, scoring.isResolvable() ? scoring.get().of(lead) : null, null));
        TimelineFeed.Page page = timeline.page(sample.leadId(), EnumSet.noneOf(TimelineKind.class), null, null, 20);
        for (TimelineFeed.Entry e : page.items()) {
            write(TimelineEntryView.of(e));
        }
        for (LeadView.DuplicateCandidate c : DuplicateCheck.candidates(duplicates.find(lead), BASE)) {
            write(c);
        }
        // last: a tenant without a process plugin gets a problem here
        write(ProcessViewMapper.of(process.of(sample.leadId())));
    }

    private static void write(Object value) {
        if (value instanceof Record) {
            try (JsonGenerator g = GENERATORS.createGenerator(OutputStream.nullOutputStream())) {
                RecordJson.write(g, value);
            }
        }
    }
}
