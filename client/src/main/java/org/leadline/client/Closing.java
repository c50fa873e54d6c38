package org.leadline.client;

import jakarta.ws.rs.client.WebTarget;

import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.conversion.QualificationView;

/** Closing a lead: qualify it (contact, account and opportunity in one step), disqualify it, reopen it. */
public final class Closing {

    private final LeadlineClient client;
    private final WebTarget lead;

    Closing(LeadlineClient client, String leadId) {
        this.client = client;
        this.lead = client.api().path("leads").path(leadId);
    }

    /** What qualifying would create or link, changing nothing. */
    public QualificationView preview(QualificationView.Request request) {
        return client.send(client.request(lead.path("qualify").queryParam("dryRun", "true"))
                .buildPost(client.json(request == null ? new QualificationView.Request(null) : request)),
                QualificationView.class).value();
    }

    /** Qualifies the lead; repeating it answers the first result. */
    public QualificationView qualify(QualificationView.Request request) {
        return client.send(client.request(lead.path("qualify"))
                .buildPost(client.json(request == null ? new QualificationView.Request(null) : request)),
                QualificationView.class).value();
    }

    /** Disqualifies the lead with a reason (built in or one the tenant defined) and an optional note. */
    public ClosingViews.ClosingLead disqualify(String reason, String note) {
        return client.send(client.request(lead.path("disqualify"))
                .buildPost(client.json(new ClosingViews.DisqualifyRequest(reason, note))), ClosingViews.ClosingLead.class)
                .value();
    }

    /** Opens a disqualified lead again. */
    public ClosingViews.ClosingLead reopen() {
        return client.send(client.request(lead.path("reopen")).buildPost(null), ClosingViews.ClosingLead.class).value();
    }
}
