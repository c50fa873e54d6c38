package org.leadline.server.capture;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.leadline.api.lead.Source;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.NotALead;
import org.leadline.plugin.api.source.ReadResult;
import org.leadline.server.tenancy.Caller;
import org.leadline.server.tenancy.CurrentCaller;

/**
 * Takes in what a lead source read from one mailbox message, outside any HTTP request: each call
 * is its own request context, acting for the mailbox's owner in the owner's tenant (so the tenant
 * entity manager is bound to that tenant only), and every draft is its own transaction in
 * {@link LeadIntake}.
 */
@ApplicationScoped
public class MailboxIntake {

    @Inject
    CurrentCaller caller;

    @Inject
    LeadIntake intake;

    /** The outcome of every draft and non-lead; throws when the intake failed unexpectedly. */
    @ActivateRequestContext
    public List<IntakeOutcome.Kind> take(Caller owner, ReadResult result) {
        caller.bindForJob(owner);
        List<IntakeOutcome.Kind> kinds = new ArrayList<>();
        for (LeadDraft draft : result.drafts()) {
            kinds.add(acceptOnce(draft).kind());
        }
        for (NotALead n : result.notLeads()) {
            kinds.add(intake.ignore(n, Source.EMAIL).kind());
        }
        return kinds;
    }

    /** An upload of the same message at the same moment may win the race for its receipt: then its outcome is ours. */
    private IntakeOutcome acceptOnce(LeadDraft draft) {
        try {
            return intake.accept(draft, Source.EMAIL, null, LeadIntake.OnDuplicate.ATTACH);
        } catch (RuntimeException e) {
            if (draft.message() == null || draft.message().messageId() == null) {
                throw e;
            }
            return intake.accept(draft, Source.EMAIL, null, LeadIntake.OnDuplicate.ATTACH);
        }
    }
}
