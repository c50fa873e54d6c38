package org.leadline.server.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.leadline.api.tenancy.Role;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.MailboxSource;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.plugins.LeadSources;
import org.leadline.server.tenancy.Caller;
import org.leadline.server.tenancy.Tenant;
import org.leadline.server.tenancy.UserAccount;

/**
 * Polls the tenants' mailboxes (lead sources that are {@link MailboxSource}s, e.g. the e-mail
 * source with an IMAP folder). Every {@value #TICK} (default 15 s) it looks at each active tenant's
 * enabled mailboxes and polls those whose interval is over; an administrator's "poll now" runs the
 * same poll at once. A poll, per tenant and mailbox and never two at a time:
 * <ol>
 *   <li>fetches waiting material through the guard (time limit {@value #CALL_TIMEOUT}, default 60 s);</li>
 *   <li>reads each piece with the source and takes the drafts in through {@link LeadIntake}, each in
 *       its own transaction, acting for the tenant's owner ({@link #owner}: its oldest active tenant
 *       administrator), who creates and owns the leads;</li>
 *   <li>acknowledges what was taken in (created, attached, ignored, duplicate, invalid, over a limit of the
 *       source or over {@link IntakeResource#MAX_BYTES}):
 *       the source moves it to its processed folder. Material whose reading or intake failed stays
 *       in the mailbox for the next poll.</li>
 * </ol>
 * A crash between intake and acknowledgement is harmless: the next poll fetches the message again
 * and the intake answers with the earlier outcome for its Message-ID. The last poll's figures, kept
 * per tenant and mailbox in the database ({@link MailboxPolls}), after a failed poll too, are shown
 * to the tenant's administrators and decide when the mailbox is due again, also after a restart.
 */
@ApplicationScoped
public class MailboxPolling {

    /** How often due mailboxes are looked for (ISO-8601 duration). */
    public static final String TICK = "leadline.capture.mailbox-tick";
    /** The time limit of one fetch or acknowledgement (ISO-8601 duration). */
    public static final String CALL_TIMEOUT = "leadline.capture.mailbox-call-timeout";
    /** The most messages taken per poll, whatever the source's own setting says. */
    public static final String MAX_PER_POLL = "leadline.capture.mailbox-max-per-poll";

    private static final Logger LOG = Logger.getLogger(MailboxPolling.class.getName());

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LeadSources plugins;

    @Inject
    MailboxIntake intake;

    @Inject
    MailboxPolls polls;

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** What the last poll of one mailbox did. */
    public record Status(Instant at, int fetched, Map<IntakeOutcome.Kind, Integer> outcomes, int overLimit,
                         int failed, int acknowledged, String error, Instant lastErrorAt, String lastError) {
    }

    void onReady(@Observes Startup.Ready ready) {
        long seconds = Math.max(1, Settings.get(TICK).map(Duration::parse).orElse(Duration.ofSeconds(15)).toSeconds());
        scheduler.scheduleWithFixedDelay(this::pollDue, seconds, seconds, TimeUnit.SECONDS);
    }

    static Duration callTimeout() {
        return Settings.get(CALL_TIMEOUT).map(Duration::parse).orElse(Duration.ofSeconds(60));
    }

    static int maxPerPoll() {
        return Settings.config().getOptionalValue(MAX_PER_POLL, Integer.class).orElse(200);
    }

    /** The last poll of a tenant's mailbox, if it was ever polled. */
    public Optional<Status> status(String tenantId, LeadSources.Mailbox mailbox) {
        return polls.find(tenantId, mailbox);
    }

    /** Polls every tenant's mailboxes that are due; never throws. */
    void pollDue() {
        try {
            List<String> tenants;
            EntityManager em = emf.createEntityManager();
            try {
                tenants = em.createQuery("SELECT t.id FROM Tenant t WHERE t.status = :s ORDER BY t.id", String.class)
                        .setParameter("s", Tenant.Status.ACTIVE).getResultList();
            } finally {
                em.close();
            }
            Instant now = Timestamps.now();
            for (String tenantId : tenants) {
                List<LeadSources.Mailbox> scheduled = plugins.mailboxes(tenantId).stream()
                        .filter(m -> !m.interval().isZero()).toList();
                if (scheduled.isEmpty()) {
                    continue;
                }
                Map<String, Instant> lastPolls = polls.lastPolls(tenantId);
                for (LeadSources.Mailbox m : scheduled) {
                    Instant last = lastPolls.get(MailboxPolls.key(m.pluginId(), m.extensionId()));
                    if (last == null || !last.plus(m.interval()).isAfter(now)) {
                        poll(tenantId, m, false);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling the mailboxes failed", e);
        }
    }

    /**
     * Polls the tenant's mailboxes now, on the scheduler's thread, and waits for the result; a
     * mailbox being polled at this moment is waited for and polled again.
     */
    public List<LeadSources.Mailbox> pollNow(String tenantId) {
        List<LeadSources.Mailbox> mailboxes = plugins.mailboxes(tenantId);
        if (mailboxes.isEmpty()) {
            return mailboxes;
        }
        Future<?> done = scheduler.submit(() -> mailboxes.forEach(m -> poll(tenantId, m, true)));
        try {
            done.get(callTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Polling the mailboxes of tenant " + tenantId + " did not finish", e);
        }
        return mailboxes;
    }

    private void poll(String tenantId, LeadSources.Mailbox mailbox, boolean wait) {
        String key = key(tenantId, mailbox);
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return;
        }
        try {
            Status status;
            try {
                Status previous = polls.find(tenantId, mailbox).orElse(null);
                if (!wait && previous != null && previous.at().plus(mailbox.interval()).isAfter(Timestamps.now())) {
                    // Polled on demand since the scheduler found it due.
                    return;
                }
                status = pollOnce(tenantId, mailbox, previous);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Polling mailbox " + key + " failed", e);
                status = failed(Timestamps.now(), "failed: " + e);
            }
            try {
                polls.save(tenantId, mailbox, status);
            } catch (RuntimeException e) {
                // The poll itself is done; without its record the mailbox is only due again at once.
                LOG.log(Level.WARNING, "Recording the poll of mailbox " + key + " failed", e);
            }
        } finally {
            lock.unlock();
        }
    }

    private Status pollOnce(String tenantId, LeadSources.Mailbox mailbox, Status previous) {
        Instant at = Timestamps.now();
        Optional<Caller> owner = owner(tenantId);
        if (owner.isEmpty()) {
            return failed(at, "the tenant has no active tenant administrator to own the leads");
        }
        LeadSources.Fetched fetched = plugins.fetchMail(tenantId, mailbox, maxPerPoll(), callTimeout());
        if (fetched.failure() != null) {
            return failed(at, "fetching " + fetched.failure());
        }
        Map<IntakeOutcome.Kind, Integer> outcomes = new EnumMap<>(IntakeOutcome.Kind.class);
        List<String> done = new ArrayList<>();
        int failed = 0;
        int overLimit = 0;
        String error = null;
        for (InboundMaterial material : fetched.materials()) {
            String ref = material.attributes().get(MailboxSource.MAILBOX_REF);
            if (material.content().length > IntakeResource.maxBytes()) {
                // As an upload of it would be refused: set aside, counted, not read.
                overLimit++;
                if (ref != null) {
                    done.add(ref);
                }
                continue;
            }
            LeadSources.SourceReading reading = plugins.readSource(tenantId, mailbox.pluginId(), mailbox.extensionId(), material);
            if (reading.result() == null) {
                failed++;
                error = "reading " + describe(material) + ": " + (reading.failure() == null ? "not enabled" : reading.failure());
                continue;
            }
            try {
                if (reading.result().limitExceeded() != null) {
                    overLimit++;
                } else {
                    for (IntakeOutcome.Kind k : intake.take(owner.get(), reading.result())) {
                        outcomes.merge(k, 1, Integer::sum);
                    }
                }
                if (ref != null) {
                    done.add(ref);
                }
            } catch (RuntimeException e) {
                failed++;
                error = "taking in " + describe(material) + ": " + e;
                LOG.log(Level.WARNING, "Taking in " + describe(material) + " of tenant " + tenantId + " failed", e);
            }
        }
        int acknowledged = 0;
        if (!done.isEmpty()) {
            String failure = plugins.acknowledgeMail(tenantId, mailbox, done, callTimeout());
            if (failure != null) {
                error = "moving the processed messages " + failure;
            } else {
                acknowledged = done.size();
            }
        }
        return new Status(at, fetched.materials().size(), Map.copyOf(outcomes), overLimit, failed, acknowledged, error,
                error != null ? at : previous == null ? null : previous.lastErrorAt(),
                error != null ? error : previous == null ? null : previous.lastError());
    }

    private static Status failed(Instant at, String error) {
        return new Status(at, 0, Map.of(), 0, 0, 0, error, at, error);
    }

    private static String describe(InboundMaterial material) {
        String name = material.name().isBlank() ? "" : " \"" + (material.name().length() > 80
                ? material.name().substring(0, 80) + "…" : material.name()) + "\"";
        return "message" + name;
    }

    /** The user who takes mailbox leads in: the tenant's oldest active tenant administrator. */
    Optional<Caller> owner(String tenantId) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT u FROM UserAccount u WHERE u.tenantId = :t AND u.status = :s"
                            + " ORDER BY u.createdAt, u.id", UserAccount.class)
                    .setParameter("t", tenantId).setParameter("s", UserAccount.Status.ACTIVE)
                    .getResultList().stream().filter(u -> u.roles().contains(Role.TENANT_ADMIN)).findFirst()
                    .map(u -> new Caller(u.id(), u.username(), tenantId, u.roles(), null, null));
        } finally {
            em.close();
        }
    }

    private static String key(String tenantId, LeadSources.Mailbox mailbox) {
        return tenantId + "|" + mailbox.pluginId() + "/" + mailbox.extensionId();
    }
}
