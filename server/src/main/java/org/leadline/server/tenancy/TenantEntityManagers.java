package org.leadline.server.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/**
 * The entity manager for work done on behalf of a named tenant, e.g. an observer of a lead event
 * that carries its tenant: the request's persistence context when the request's caller belongs to
 * that tenant (so the work joins the same changes), otherwise one bound to the tenant and joined to
 * the current transaction (a job, or no request at all).
 */
@ApplicationScoped
public class TenantEntityManagers {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    public EntityManager forTenant(String tenantId) {
        EntityManager request = ofRequest(tenantId);
        if (request != null) {
            return request;
        }
        EntityManager em = TenantPersistence.open(emf, tenantId);
        em.joinTransaction();
        return em;
    }

    /**
     * The current request's entity manager when the request's caller belongs to {@code tenantId}
     * (work inside the request then uses the request's connection), otherwise null.
     */
    public EntityManager ofRequest(String tenantId) {
        try {
            if (caller.isPresent() && tenantId.equals(caller.get().tenantId())) {
                return persistence.em();
            }
        } catch (ContextNotActiveException e) {
            // no request
        }
        return null;
    }
}
