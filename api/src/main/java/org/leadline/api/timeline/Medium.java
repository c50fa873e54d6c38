package org.leadline.api.timeline;

/** How an employee and the lead were in touch. */
public enum Medium { PHONE, EMAIL, MEETING, LETTER, SOCIAL, OTHER }
