package org.leadline.api.party;

/** Where a competitor stands in the deal. */
public enum CompetitorStatus { ACTIVE, ELIMINATED, WON, UNKNOWN }
