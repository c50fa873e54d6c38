package org.leadline.api.lead;

/** The channel a lead came through; {@code origin.detail} says which fair, campaign or page. */
public enum Source { WEB, HOMEPAGE, TRADE_FAIR, CAMPAIGN, EMAIL, PHONE, REFERRAL, PARTNER, SOCIAL, IMPORT, OTHER }
