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

    public List<ImportJob> recent(int limit) {
        return persistence.em().createQuery("SELECT j FROM ImportJob j ORDER BY j.createdAt DESC, j.id DESC", ImportJob.class)
                .setMaxResults(limit).getResultList();
    }
}
