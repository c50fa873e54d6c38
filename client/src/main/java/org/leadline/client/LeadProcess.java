package org.leadline.client;

import jakarta.ws.rs.client.WebTarget;

import org.leadline.api.process.LeadProcessView;

/** Where a lead stands in the tenant's process (Qualify → Develop → Propose → Close) and moving it on. */
public final class LeadProcess {

    private final LeadlineClient client;
    private final WebTarget target;

    LeadProcess(LeadlineClient client, String leadId) {
        this.client = client;
        this.target = client.api().path("leads").path(leadId).path("process");
    }

    /** The stage reached, what the stage still lacks, and the history of moves. */
    public LeadProcessView get() {
        return client.send(client.request(target).buildGet(), LeadProcessView.class).value();
    }

    /** Moves the lead to {@code stage}; refused (422) while the current stage lacks something. */
    public LeadProcessView moveTo(String stage) {
        return client.send(client.request(target.path("stage"))
                .buildPost(client.json(new LeadProcessView.StageMove(stage))), LeadProcessView.class).value();
    }

    /** Ticks (or unticks) an item of a stage's checklist. */
    public LeadProcessView tick(String stage, String item, boolean done) {
        return client.send(client.request(target.path("checklist"))
                .buildPost(client.json(new LeadProcessView.ChecklistTick(stage, item, done))), LeadProcessView.class)
                .value();
    }
}
