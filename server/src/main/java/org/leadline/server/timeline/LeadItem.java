package org.leadline.server.timeline;

/** Something recorded on a lead under its own id and version: an interaction, a note, a stakeholder. */
public interface LeadItem {

    String id();

    String leadId();

    long version();
}
