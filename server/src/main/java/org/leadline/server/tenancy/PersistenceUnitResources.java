package org.leadline.server.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The persistence unit and the transaction registry, looked up once: a request-scoped bean that
 * declared them itself had the container look both up by name (JNDI) for every request.
 */
@ApplicationScoped
public class PersistenceUnitResources {

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public EntityManagerFactory emf() {
        return emf;
    }

    public TransactionSynchronizationRegistry transactions() {
        return transactions;
    }
}
