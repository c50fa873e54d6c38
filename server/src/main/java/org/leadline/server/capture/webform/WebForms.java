package org.leadline.server.capture.webform;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leadline.api.problem.FieldError;
import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.plugins.LeadSources;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.tenancy.UserAccount;

/** A tenant administrator's use cases about web forms. */
@RequestScoped
@Transactional
public class WebForms {

    /** Forms one tenant may have: enough for every page and campaign, bounded against mistakes. */
    static final int MAX_FORMS = 500;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @Inject
    LeadSources plugins;

    /** Stores a new form; {@code d} comes from a body that passed its record's checks. */
    public WebForm create(WebFormDefinition d) {
        requireSource();
        checkOwner(d);
        EntityManager em = persistence.em();
        long count = em.createQuery("SELECT COUNT(f) FROM WebForm f", Long.class).getSingleResult();
        if (count >= MAX_FORMS) {
            throw new ProblemException(ProblemType.CONFLICT, "A tenant may have at most " + MAX_FORMS
                    + " web forms; delete one that is no longer used");
        }
        WebForm form = WebForm.create(d, caller.userId());
        em.persist(form);
        em.persist(new WebFormCounters(form.id()));
        em.flush();
        return form;
    }

    /** Forms by name (then id), after the form of name and id {@code after} (null: from the first). */
    public List<WebForm> list(org.leadline.server.timeline.Keyset after, int limit) {
        var query = persistence.em().createQuery("SELECT f FROM WebForm f"
                + (after == null ? "" : " WHERE f.name > :name OR (f.name = :name AND f.id > :id)")
                + " ORDER BY f.name, f.id", WebForm.class);
        if (after != null) {
            query.setParameter("name", after.key()).setParameter("id", after.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    public WebForm find(String id) {
        WebForm form = Ids.isValid(id) ? persistence.em().find(WebForm.class, id) : null;
        if (form == null) {
            throw ProblemException.notFound("Web form " + id);
        }
        return form;
    }

    public WebFormCounters counters(String formId) {
        return persistence.em().find(WebFormCounters.class, formId);
    }

    /** Replaces a form's definition; {@code d} comes from a body that passed its record's checks. */
    public WebForm replace(String id, Long expectedVersion, WebFormDefinition d) {
        WebForm form = find(id);
        checkVersion(form, expectedVersion);
        checkOwner(d);
        if (d.enabled()) {
            requireSource();
        }
        form.apply(d, caller.userId());
        persistence.em().flush();
        return form;
    }

    public WebForm rotateKey(String id, Long expectedVersion) {
        WebForm form = find(id);
        checkVersion(form, expectedVersion);
        form.rotateKey(caller.userId());
        persistence.em().flush();
        return form;
    }

    /** Removes the form, its counters and its remembered submissions; the leads it created stay. */
    public void delete(String id, Long expectedVersion) {
        WebForm form = find(id);
        checkVersion(form, expectedVersion);
        EntityManager em = persistence.em();
        em.createQuery("DELETE FROM WebFormSubmission s WHERE s.formId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM WebFormCounters c WHERE c.formId = :id").setParameter("id", id).executeUpdate();
        em.remove(form);
        em.flush();
    }

    private void requireSource() {
        if (!plugins.sourceEnabled(caller.tenantId(), WebFormSource.PLUGIN_ID, WebFormSource.EXTENSION_ID)) {
            throw new ProblemException(ProblemType.CONFLICT, "Web forms need the lead source "
                    + WebFormSource.PLUGIN_ID + "/" + WebFormSource.EXTENSION_ID + ", which is not enabled for this"
                    + " tenant; enable it with POST /api/v1/extensions/" + WebFormSource.PLUGIN_ID + "/"
                    + WebFormSource.EXTENSION_ID + "/enable");
        }
    }

    /** The owner must be an active user of the tenant who works leads: a check the body's record cannot make. */
    private void checkOwner(WebFormDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.ownerId() != null) {
            checkOwner(d.ownerId(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private void checkOwner(String ownerId, List<FieldError> errors) {
        UserAccount owner = Ids.isValid(ownerId) ? persistence.em().find(UserAccount.class, ownerId) : null;
        if (owner == null || !caller.tenantId().equals(owner.tenantId())) {
            errors.add(new FieldError("ownerId", "is not a user of this tenant"));
        } else if (!owner.isActive()) {
            errors.add(new FieldError("ownerId", "is a disabled user"));
        } else if (!owner.roles().contains(Role.SALES) && !owner.roles().contains(Role.TENANT_ADMIN)) {
            errors.add(new FieldError("ownerId", "is a user who does not work leads"));
        }
    }

    static void checkVersion(WebForm form, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != form.version()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The web form is at version " + form.version()
                    + ", your If-Match names version " + expectedVersion + "; read it again and reapply your change");
        }
    }
}
