package org.leadline.server.conversion;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.conversion.OpportunityView;
import org.leadline.api.conversion.QualificationView;
import org.leadline.api.lead.LeadView;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadViewMapper;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.web.Preconditions;

/**
 * Closing a lead: qualify (or preview it), disqualify, reopen, erase. The root resources
 * ({@link QualifyResource}, {@link DisqualifyResource} ...) each own one path below the lead and
 * delegate here: one root resource at {@code leads/{leadId}} would take every request for a lead
 * away from the lead resource.
 */
@RequestScoped
public class LeadClosingResource {

    private static final int RETRIES = 3;

    @Inject
    ConversionService conversion;

    @Inject
    ClosingService closing;

    @Inject
    org.leadline.server.lead.LeadService leads;

    /**
     * Qualifies the lead: {@code {"opportunity": {"topic", "estimatedValue": {"amount", "currency"},
     * "expectedCloseDate"}}}, all optional. {@code ?dryRun=true} answers what would be created or
     * linked without changing anything. Repeating it answers the first result (200, Idempotent-Replayed).
     */
    Response qualify(String leadId, String dryRunText,
                            String ifMatch, QualificationView.Request body, jakarta.ws.rs.core.UriBuilder base) {
        boolean dryRun = flag("dryRun", dryRunText);
        ConversionService.OpportunityInput input = opportunity(body == null ? null : body.opportunity());
        Long version = Preconditions.optionalVersion(ifMatch);
        ConversionService.Outcome outcome = null;
        RuntimeException last = null;
        for (int attempt = 0; attempt < RETRIES && outcome == null; attempt++) {
            try {
                outcome = conversion.qualify(leadId, version, input, dryRun);
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                // A concurrent qualification of the same lead won (unique key or lead version): answer its result.
                last = e;
                outcome = conversion.previous(leadId).orElse(null);
            }
        }
        if (outcome == null) {
            throw last;
        }
        boolean created = !dryRun && !outcome.replayed();
        Response.ResponseBuilder rb = Response.status(created ? 201 : 200).entity(outcome.result());
        if (created) {
            // the opportunity is what qualification made; the contact and account are linked from it
            rb.location(base.path("opportunities").path(outcome.result().opportunity().id()).build());
        }
        if (outcome.replayed()) {
            rb.header("Idempotent-Replayed", "true");
        }
        return rb.build();
    }

    /** {@code {"reason": "NO_BUDGET", "note": "..."}}; the reason is built in or one the tenant defined. */
    Response disqualify(String leadId, String ifMatch, ClosingViews.DisqualifyRequest body) {
        Long version = Preconditions.optionalVersion(ifMatch);
        return lead(closing.disqualify(leadId, version, body.reason(), body.note()));
    }

    Response reopen(String leadId, String ifMatch) {
        Long version = Preconditions.optionalVersion(ifMatch);
        return lead(closing.reopen(leadId, version));
    }

    /** The lead's closing state: its disqualification in force, if any. */
    Response disqualification(String leadId) {
        Lead lead = leads.find(leadId);
        ClosingViews.DisqualificationView body = closing.current(leadId).map(LeadClosingResource::view)
                .orElseThrow(() -> ProblemException.notFound("Disqualification of lead " + leadId));
        return Response.ok(body).tag(Preconditions.etag(lead.version())).build();
    }

    /** Erases the lead at once, deleted or not: personal data gone from the lead, its timeline and audit. */
    Response erase(String leadId) {
        closing.erase(leadId);
        return Response.noContent().build();
    }

    private Response lead(Lead lead) {
        LeadView v = LeadViewMapper.of(lead, null);
        ClosingViews.ClosingLead body = new ClosingViews.ClosingLead(v.id(), v.person(), v.company(), v.origin(),
                v.qualification(), v.topic(), v.description(), v.ownerId(), v.status(), v.rating(), v.score(),
                v.stage(), v.createdAt(), v.createdBy(), v.updatedAt(), v.updatedBy(), v.version(),
                closing.current(lead.id()).map(LeadClosingResource::view).orElse(null));
        return Response.ok(body).tag(Preconditions.etag(lead.version())).build();
    }

    static ClosingViews.DisqualificationView view(Disqualification d) {
        return new ClosingViews.DisqualificationView(d.reason(), d.note(), d.disqualifiedAt(), d.disqualifiedBy());
    }

    private static boolean flag(String name, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.parameter(name, "must be true or false");
        };
    }

    private static ConversionService.OpportunityInput opportunity(QualificationView.OpportunityInput o) {
        if (o == null) {
            return new ConversionService.OpportunityInput(null, null, null, null);
        }
        OpportunityView.EstimatedValue value = o.estimatedValue();
        return new ConversionService.OpportunityInput(o.topic(), value == null ? null : value.amount(),
                value == null ? null : value.currency().toUpperCase(Locale.ROOT), o.expectedCloseDate());
    }
}
