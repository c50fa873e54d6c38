package org.leadline.server.party;

/** Where a competitor stands in the deal. */
public enum CompetitorStatus { ACTIVE, ELIMINATED, WON, UNKNOWN }
