package org.leadline.server.timeline;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.tenancy.UserAccount;

/** Checks that a user id names one of the tenant's users. */
public final class Employees {

    private Employees() {
    }

    /** Disabled users still count: an interaction documented last year keeps its employee. */
    public static void check(EntityManager em, String tenantId, String field, String userId, List<FieldError> errors) {
        if (userId == null) {
            return;
        }
        UserAccount user = Ids.isValid(userId) ? em.find(UserAccount.class, userId) : null;
        if (user == null || !tenantId.equals(user.tenantId())) {
            errors.add(new FieldError(field, "is not a user of this tenant"));
        }
    }
}
