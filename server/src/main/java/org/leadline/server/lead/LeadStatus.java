package org.leadline.server.lead;

/** Where a lead stands in its life: being worked, turned into business, or set aside. */
public enum LeadStatus { OPEN, QUALIFIED, DISQUALIFIED }
