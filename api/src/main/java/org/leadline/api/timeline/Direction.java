package org.leadline.api.timeline;

/** Who reached out: the lead to us (inbound) or we to the lead (outbound). */
public enum Direction { INBOUND, OUTBOUND }
