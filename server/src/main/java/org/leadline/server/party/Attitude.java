package org.leadline.server.party;

/** How a stakeholder stands towards our offer. */
public enum Attitude { SUPPORTIVE, NEUTRAL, OPPOSED, UNKNOWN }
