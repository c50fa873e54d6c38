package org.leadline.server.lead;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadline.api.lead.LeadStatistics;
import org.leadline.api.tenancy.Role;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * The dashboard's figures: the tenant's live leads counted with GROUP BY in the database (one
 * statement per figure), never read into memory lead by lead.
 */
@Path("statistics/leads")
@Tag(name = "Statistics", description = "Figures about the tenant's leads for the dashboard, counted in the database")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
@Transactional(Transactional.TxType.SUPPORTS)
public class LeadStatisticsResource {

    static final int WEEKS = 12;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "getLeadStatistics", summary = "Count the tenant's leads",
            description = "The tenant's leads (deleted ones left out) by rating, status and source, open leads by "
                    + "process stage, the leads created in each of the last 12 weeks, the funnel (leads that reached "
                    + "each stage, opportunities won) and the average time in each stage.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadStatistics.class)))
    public LeadStatistics get() {
        EntityManager em = persistence.em();
        String tenant = caller.tenantId();
        List<LeadStatistics.Count> byStatus = counts(em, tenant, "status", "");
        long total = byStatus.stream().mapToLong(LeadStatistics.Count::count).sum();
        return new LeadStatistics(total, counts(em, tenant, "rating", ""), byStatus, counts(em, tenant, "source", ""),
                counts(em, tenant, "stage", " AND l.status = 'OPEN'"), weeks(em, tenant), reached(em, tenant, total),
                won(em, tenant), timeInStage(em, tenant));
    }

    /** The funnel: every live lead starts in the first stage (key null); later stages count the leads that entered them. */
    private static List<LeadStatistics.Count> reached(EntityManager em, String tenant, long total) {
        Query q = native_(em, "SELECT c.to_stage, COUNT(DISTINCT c.lead_id) FROM lead_stage_changes c"
                + " JOIN leads l ON l.tenant_id = c.tenant_id AND l.id = c.lead_id"
                + " WHERE c.tenant_id = ? AND l.deleted_at IS NULL GROUP BY c.to_stage");
        q.setParameter(1, tenant);
        List<LeadStatistics.Count> counts = new ArrayList<>();
        counts.add(new LeadStatistics.Count(null, total));
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new LeadStatistics.Count(r[0].toString(), ((Number) r[1]).longValue()));
        }
        return counts;
    }

    private static long won(EntityManager em, String tenant) {
        Query q = native_(em, "SELECT COUNT(*) FROM opportunities o WHERE o.tenant_id = ? AND o.stage = 'WON'");
        q.setParameter(1, tenant);
        return ((Number) q.getSingleResult()).longValue();
    }

    /**
     * The stays in each stage that ended: from entering the stage (a stage change, or the lead's
     * creation for the first stage) to the lead's next stage change. One statement; the JDBC escape
     * TIMESTAMPDIFF is translated by the Derby and the PostgreSQL driver alike.
     */
    private static List<LeadStatistics.StageTime> timeInStage(EntityManager em, String tenant) {
        Query q = native_(em, "SELECT s.stage, COUNT(*), SUM(s.secs) FROM ("
                + "SELECT c1.to_stage AS stage, {fn TIMESTAMPDIFF(SQL_TSI_SECOND, c1.changed_at, MIN(c2.changed_at))} AS secs"
                + " FROM lead_stage_changes c1"
                + " JOIN lead_stage_changes c2 ON c2.tenant_id = c1.tenant_id AND c2.lead_id = c1.lead_id"
                + " AND c2.changed_at > c1.changed_at"
                + " JOIN leads l1 ON l1.tenant_id = c1.tenant_id AND l1.id = c1.lead_id"
                + " WHERE c1.tenant_id = ? AND l1.deleted_at IS NULL GROUP BY c1.id, c1.to_stage, c1.changed_at"
                + " UNION ALL "
                + "SELECT CAST(NULL AS VARCHAR(64)), {fn TIMESTAMPDIFF(SQL_TSI_SECOND, l.created_at, MIN(c.changed_at))}"
                + " FROM leads l JOIN lead_stage_changes c ON c.tenant_id = l.tenant_id AND c.lead_id = l.id"
                + " WHERE l.tenant_id = ? AND l.deleted_at IS NULL GROUP BY l.id, l.created_at"
                + ") s (stage, secs) GROUP BY s.stage");
        q.setParameter(1, tenant);
        q.setParameter(2, tenant);
        List<LeadStatistics.StageTime> times = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long stays = ((Number) r[1]).longValue();
            long seconds = r[2] == null ? 0 : ((Number) r[2]).longValue();
            times.add(new LeadStatistics.StageTime(r[0] == null ? null : r[0].toString(), stays,
                    stays == 0 ? 0 : Math.round((double) seconds / stays)));
        }
        return times;
    }

    /** The live leads counted by one of their columns (a fixed name, never from the request). */
    private static List<LeadStatistics.Count> counts(EntityManager em, String tenant, String column, String andWhere) {
        Query q = native_(em, "SELECT l." + column + ", COUNT(*) FROM leads l WHERE l.tenant_id = ? AND l.deleted_at IS NULL"
                + andWhere + " GROUP BY l." + column + " ORDER BY COUNT(*) DESC");
        q.setParameter(1, tenant);
        List<LeadStatistics.Count> counts = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new LeadStatistics.Count(r[0] == null ? null : r[0].toString(), ((Number) r[1]).longValue()));
        }
        return counts;
    }

    /** The leads created per day of the last weeks, summed per week (Monday to Sunday, UTC). */
    private static List<LeadStatistics.Week> weeks(EntityManager em, String tenant) {
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        Map<LocalDate, Long> perWeek = new TreeMap<>();
        for (int i = 0; i < WEEKS; i++) {
            perWeek.put(first.plusWeeks(i), 0L);
        }
        Query q = native_(em, "SELECT CAST(l.created_at AS DATE), COUNT(*) FROM leads l WHERE l.tenant_id = ?"
                + " AND l.deleted_at IS NULL AND l.created_at >= ? GROUP BY CAST(l.created_at AS DATE)");
        q.setParameter(1, tenant);
        q.setParameter(2, Timestamp.valueOf(LocalDateTime.of(first, java.time.LocalTime.MIDNIGHT)));
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : LocalDate.parse(r[0].toString().substring(0, 10));
            perWeek.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), ((Number) r[1]).longValue(),
                    Long::sum);
        }
        return perWeek.entrySet().stream().map(e -> new LeadStatistics.Week(e.getKey(), e.getValue())).toList();
    }

    private static Query native_(EntityManager em, String sql) {
        Query q = em.createNativeQuery(sql);
        // the tenant is bound by the statement itself: a native query bypasses the multitenant filter
        q.setHint("eclipselink.jdbc.allow-native-sql-query", true);
        return q;
    }
}
