package org.leadline.server.lead;

/** How the buying decision is made at the lead's company. */
public enum PurchaseProcess { INDIVIDUAL, COMMITTEE, UNKNOWN }
