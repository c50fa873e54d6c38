package org.leadline.server.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.TenantPersistence;

/** Contacts, accounts and opportunities after qualification: read, list, change, win or lose. */
@RequestScoped
@Transactional
public class CustomerService {

    @Inject
    TenantPersistence persistence;

    public <T> T find(Class<T> type, String id) {
        T found = Ids.isValid(id) ? persistence.em().find(type, id) : null;
        if (found == null) {
            throw ProblemException.notFound(type.getSimpleName() + " " + id);
        }
        return found;
    }

    /** One page in id order (ids are time-ordered: oldest first), after {@code afterId}. */
    public <T> List<T> list(Class<T> type, String afterId, int limit) {
        if (afterId != null && !Ids.isValid(afterId)) {
            throw ProblemException.parameter("cursor", "is not a cursor this server issued");
        }
        EntityManager em = persistence.em();
        String entity = type.getSimpleName();
        var query = em.createQuery("SELECT x FROM " + entity + " x" + (afterId == null ? "" : " WHERE x.id > :after")
                + " ORDER BY x.id", type);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    public Contact updateContact(String id, long expectedVersion, String salutation, String firstName, String lastName,
                                 String jobTitle, String email, String phone) {
        Contact c = find(Contact.class, id);
        check(c.version(), expectedVersion, "contact");
        c.update(salutation, firstName, lastName, jobTitle, email, phone);
        persistence.em().flush();
        return c;
    }

    public Account updateAccount(String id, long expectedVersion, String name, String website, String industry,
                                 String country) {
        Account a = find(Account.class, id);
        check(a.version(), expectedVersion, "account");
        a.update(name, website, industry, country);
        persistence.em().flush();
        return a;
    }

    public Opportunity updateOpportunity(String id, long expectedVersion, String topic, BigDecimal value, String currency,
                                         LocalDate expectedClose, Opportunity.Stage stage, String reason) {
        Opportunity o = find(Opportunity.class, id);
        check(o.version(), expectedVersion, "opportunity");
        if (o.stage().closed() && (stage == null || stage == o.stage())) {
            throw new ProblemException(ProblemType.CONFLICT, "Opportunity " + id + " is " + o.stage()
                    + "; move it back to an open stage to change it");
        }
        o.update(topic, value, currency, expectedClose);
        if (stage != null && stage != o.stage()) {
            o.moveTo(stage, reason);
        }
        persistence.em().flush();
        return o;
    }

    private static void check(long actual, long expected, String what) {
        if (actual != expected) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The " + what + " is at version " + actual
                    + ", your If-Match names version " + expected + "; read it again and reapply your change");
        }
    }
}
