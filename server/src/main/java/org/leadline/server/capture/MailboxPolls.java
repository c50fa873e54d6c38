package org.leadline.server.capture;

import java.io.StringReader;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.json.Json;
import org.leadline.server.plugins.LeadSources;

/**
 * The stored last poll of each mailbox of each tenant ({@link MailboxPoll}): what
 * {@code GET /intake/mailbox} shows and what the scheduler decides by whether a mailbox is due.
 * Every method works for one tenant named by the caller, and every lookup names that tenant.
 */
@ApplicationScoped
public class MailboxPolls {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    /** The last poll of the tenant's mailbox, if it was ever polled. */
    public Optional<MailboxPolling.Status> find(String tenantId, LeadSources.Mailbox mailbox) {
        EntityManager em = emf.createEntityManager();
        try {
            return Optional.ofNullable(em.find(MailboxPoll.class, key(tenantId, mailbox))).map(MailboxPolls::status);
        } finally {
            em.close();
        }
    }

    /** When each mailbox of the tenant was last polled, by {@link #key}. */
    public Map<String, Instant> lastPolls(String tenantId) {
        EntityManager em = emf.createEntityManager();
        try {
            Map<String, Instant> last = new HashMap<>();
            for (MailboxPoll p : em.createQuery("SELECT p FROM MailboxPoll p WHERE p.tenantId = :t", MailboxPoll.class)
                    .setParameter("t", tenantId).getResultList()) {
                last.put(key(p.pluginId(), p.extensionId()), p.polledAt());
            }
            return last;
        } finally {
            em.close();
        }
    }

    /** Replaces the tenant's mailbox's last poll with {@code status}, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(String tenantId, LeadSources.Mailbox mailbox, MailboxPolling.Status status) {
        EntityManager em = emf.createEntityManager();
        try {
            em.joinTransaction();
            MailboxPoll poll = em.find(MailboxPoll.class, key(tenantId, mailbox));
            boolean isNew = poll == null;
            if (isNew) {
                poll = new MailboxPoll(tenantId, mailbox.pluginId(), mailbox.extensionId());
            }
            JsonObjectBuilder outcomes = Json.createObjectBuilder();
            status.outcomes().forEach((kind, n) -> outcomes.add(kind.name(), n));
            poll.record(status.at(), status.fetched(), outcomes.build().toString(), status.overLimit(), status.failed(),
                    status.acknowledged(), text(status.error()), status.lastErrorAt(), text(status.lastError()));
            if (isNew) {
                em.persist(poll);
            }
            em.flush();
        } finally {
            em.close();
        }
    }

    static String key(String pluginId, String extensionId) {
        return pluginId + "/" + extensionId;
    }

    private static MailboxPoll.Key key(String tenantId, LeadSources.Mailbox mailbox) {
        return new MailboxPoll.Key(tenantId, mailbox.pluginId(), mailbox.extensionId());
    }

    private static MailboxPolling.Status status(MailboxPoll p) {
        Map<IntakeOutcome.Kind, Integer> outcomes = new EnumMap<>(IntakeOutcome.Kind.class);
        JsonObject stored;
        try (var reader = Json.createReader(new StringReader(p.outcomes()))) {
            stored = reader.readObject();
        }
        for (Map.Entry<String, JsonValue> e : stored.entrySet()) {
            for (IntakeOutcome.Kind k : IntakeOutcome.Kind.values()) {
                // A kind this version does not know (written by a newer one) is left out.
                if (k.name().equals(e.getKey()) && e.getValue() instanceof JsonNumber n) {
                    outcomes.put(k, n.intValue());
                }
            }
        }
        return new MailboxPolling.Status(p.polledAt(), p.fetched(), Map.copyOf(outcomes), p.overLimit(), p.failed(),
                p.moved(), p.error(), p.lastErrorAt(), p.lastError());
    }

    /** An error as it can be stored: printable, and cut to the column's length. */
    private static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = LeadIntake.printable(s);
        return t.length() <= MailboxPoll.MAX_ERROR ? t : t.substring(0, MailboxPoll.MAX_ERROR - 1) + "…";
    }
}
