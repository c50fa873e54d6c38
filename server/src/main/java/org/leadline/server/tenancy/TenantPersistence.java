package org.leadline.server.tenancy;

import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;

/**
 * The persistence context of the current request, bound to the caller's tenant.
 *
 * <p>Tenant-owned entities are {@code @Multitenant}: every query and every insert made through
 * this entity manager is restricted to the caller's tenant by EclipseLink itself, so a forgotten
 * {@code WHERE tenant_id = ?} cannot leak data; an entity manager without a tenant fails closed.
 * Work outside a request (jobs, asynchronous observers) opens its own with
 * {@link #open(EntityManagerFactory, String)} and an explicit tenant.
 */
@RequestScoped
public class TenantPersistence {

    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

    @Inject
    PersistenceUnitResources unit;

    @Inject
    CurrentCaller caller;

    private EntityManager em;

    public static EntityManager open(EntityManagerFactory emf, String tenantId) {
        return emf.createEntityManager(Map.of(TENANT_PROPERTY, tenantId));
    }

    /** The tenant's entity manager, joined to the current transaction if there is one. */
    public EntityManager em() {
        if (em == null) {
            em = open(unit.emf(), caller.tenantId());
        }
        if (unit.transactions().getTransactionStatus() == Status.STATUS_ACTIVE && !em.isJoinedToTransaction()) {
            em.joinTransaction();
        }
        return em;
    }

    @PreDestroy
    void close() {
        if (em != null && em.isOpen()) {
            em.close();
        }
    }
}
