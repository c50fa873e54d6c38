package org.leadline.api.lead;

/** Where a lead stands in its life: being worked, turned into business, or set aside. */
public enum LeadStatus { OPEN, QUALIFIED, DISQUALIFIED }
