package org.leadline.server.imports;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.tenancy.TenantPersistence;

/** The tenant's imports as the API sees them: creating a job, reading one, listing them. */
@RequestScoped
@Transactional
public class ImportService {

    @Inject
    TenantPersistence persistence;

    public void create(ImportJob job) {
        persistence.em().persist(job);
    }

    public ImportJob find(String id) {
        ImportJob job = Ids.isValid(id) ? persistence.em().find(ImportJob.class, id) : null;
        if (job == null) {
            throw ProblemException.notFound("Import " + id);
        }
        persistence.em().refresh(job);
        return job;
    }

    /** Imports newest first (ids grow with time), after the import {@code beforeId} (null: from the newest). */
    public List<ImportJob> recent(String beforeId, int limit) {
        var query = persistence.em().createQuery("SELECT j FROM ImportJob j"
                + (beforeId == null ? "" : " WHERE j.id < :before") + " ORDER BY j.id DESC", ImportJob.class);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
