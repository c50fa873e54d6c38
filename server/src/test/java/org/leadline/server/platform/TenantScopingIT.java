package org.leadline.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.Source;
import org.leadline.server.lead.Lead;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.LeadlineDataSource;
import org.leadline.server.platform.persistence.Migrations;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * Inside the running server: tenant scoping is done by the persistence layer itself, so no query
 * can reach another tenant's rows, and work without a tenant fails instead of seeing everything.
 */
@ExtendWith(ArquillianExtension.class)
class TenantScopingIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("leadline.war")))
                .addClass(TenantScopingIT.class);
    }

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Resource(lookup = LeadlineDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    UserTransaction tx;

    private static LeadData lead(String lastName) {
        return new LeadData(new LeadData.Person(null, "Test", lastName, null, null, null, null, null, null),
                null, new LeadData.Origin(Source.WEB, null), null, null, null, null);
    }

    private String persist(String tenant, String lastName) throws Exception {
        EntityManager em = TenantPersistence.open(emf, tenant);
        try {
            tx.begin();
            em.joinTransaction();
            Lead lead = Lead.create(lead(lastName), Ids.next());
            em.persist(lead);
            tx.commit();
            return lead.id();
        } finally {
            em.close();
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnLeads() throws Exception {
        String tenantA = Ids.next();
        String tenantB = Ids.next();
        String leadOfA = persist(tenantA, "Alpha");
        String leadOfB = persist(tenantB, "Beta");

        EntityManager asA = TenantPersistence.open(emf, tenantA);
        try {
            List<String> names = asA.createQuery("SELECT l.lastName FROM Lead l", String.class).getResultList();
            assertEquals(List.of("Alpha"), names);
            assertNotNull(asA.find(Lead.class, leadOfA));
            assertNull(asA.find(Lead.class, leadOfB), "another tenant's lead must not be found by id");
            tx.begin();
            asA.joinTransaction();
            int deleted = asA.createQuery("DELETE FROM Lead l").executeUpdate();
            tx.commit();
            assertEquals(1, deleted, "a bulk delete must touch only the tenant's own rows");
        } finally {
            asA.close();
        }
        EntityManager asB = TenantPersistence.open(emf, tenantB);
        try {
            assertNotNull(asB.find(Lead.class, leadOfB), "tenant B's lead survives tenant A's bulk delete");
        } finally {
            asB.close();
        }
    }

    @Test
    void withoutATenantTenantDataCannotBeRead() {
        EntityManager em = emf.createEntityManager();
        try {
            assertThrows(RuntimeException.class,
                    () -> em.createQuery("SELECT l FROM Lead l", Lead.class).getResultList());
        } finally {
            em.close();
        }
    }

    @Test
    void migrationsRunAgainWithoutChange() {
        Migrations.run(dataSource);
        Migrations.run(dataSource);
    }
}
