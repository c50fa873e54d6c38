package org.leadline.server.timeline;

import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.leadline.server.tenancy.TenantPersistence;

/** Shows audit entries on the timeline. */
@ApplicationScoped
public class AuditRenderer implements TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return TimelineKind.AUDIT;
    }

    @Override
    public Map<String, AuditEntryView> render(Collection<String> ids) {
        return AuditTrail.render(persistence.em(), ids);
    }
}
