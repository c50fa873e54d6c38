package org.leadline.api.lead;

/** How the person prefers to be contacted. */
public enum ContactMethod { ANY, EMAIL, PHONE, MOBILE, MAIL, SOCIAL }
