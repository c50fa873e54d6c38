package org.leadline.api.party;

/** How a stakeholder stands towards our offer. */
public enum Attitude { SUPPORTIVE, NEUTRAL, OPPOSED, UNKNOWN }
