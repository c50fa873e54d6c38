package org.leadline.server.timeline;

/** What an audit entry is about: the lead itself or one of the things kept on it. */
public enum AuditSubject { LEAD, INTERACTION, NOTE, SOCIAL_POST, STAKEHOLDER, COMPETITOR }
