package org.leadline.api.party;

/** The part a person plays in the buying decision. */
public enum BuyingRole { DECISION_MAKER, INFLUENCER, USER, GATEKEEPER, CHAMPION, OTHER }
