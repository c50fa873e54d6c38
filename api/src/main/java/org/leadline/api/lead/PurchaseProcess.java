package org.leadline.api.lead;

/** How the buying decision is made at the lead's company. */
public enum PurchaseProcess { INDIVIDUAL, COMMITTEE, UNKNOWN }
