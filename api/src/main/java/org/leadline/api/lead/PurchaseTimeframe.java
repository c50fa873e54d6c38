package org.leadline.api.lead;

/** When the lead expects to buy. */
public enum PurchaseTimeframe { IMMEDIATE, THIS_QUARTER, NEXT_QUARTER, THIS_YEAR, NEXT_YEAR, UNKNOWN }
