package org.leadline.client;

import jakarta.ws.rs.client.WebTarget;

import org.leadline.api.timeline.InteractionView;

/** A lead's interactions: every contact between an employee and the lead. */
public final class Interactions {

    private final LeadlineClient client;
    private final WebTarget target;

    Interactions(LeadlineClient client, String leadId) {
        this.client = client;
        this.target = client.api().path("leads").path(leadId).path("interactions");
    }

    /** Records an interaction; the answer has its id and version. */
    public Versioned<InteractionView> create(InteractionView interaction) {
        return client.send(client.request(target).buildPost(client.json(interaction)), InteractionView.class);
    }

    public Versioned<InteractionView> get(String id) {
        return client.send(client.request(target.path(id)).buildGet(), InteractionView.class);
    }

    /** One page of the lead's interactions, newest first; {@code cursor} is the previous page's nextCursor. */
    public InteractionView.Page list(String cursor, Integer limit) {
        WebTarget t = target;
        if (cursor != null) {
            t = t.queryParam("cursor", cursor);
        }
        if (limit != null) {
            t = t.queryParam("limit", limit);
        }
        return client.send(client.request(t).buildGet(), InteractionView.Page.class).value();
    }
}
