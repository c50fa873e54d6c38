package org.leadline.server.capture.webform;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.persistence.Timestamps;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Adds to a form's counters in a transaction of its own: a refused submission rolls its own work
 * back, but its count must stay. One UPDATE per submission, never a read-modify-write.
 */
@ApplicationScoped
public class WebFormCounting {

    private static final Logger LOG = Logger.getLogger(WebFormCounting.class.getName());

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(String tenantId, String formId, WebFormCounters.Counter... counters) {
        String sets = Arrays.stream(counters).map(c -> "c." + c.attribute + " = c." + c.attribute + " + 1")
                .collect(Collectors.joining(", "));
        EntityManager em = TenantPersistence.open(emf, tenantId);
        try {
            em.joinTransaction();
            em.createQuery("UPDATE WebFormCounters c SET " + sets + ", c.lastSubmissionAt = :now WHERE c.formId = :id")
                    .setParameter("now", Timestamps.now()).setParameter("id", formId).executeUpdate();
        } catch (RuntimeException e) {
            // Counting is bookkeeping: it never turns an answer into an error.
            LOG.log(Level.WARNING, "Cannot count " + Arrays.toString(counters) + " of web form " + formId, e);
        } finally {
            em.close();
        }
    }
}
