package org.leadline.api.lead;

/** How promising a lead is, as the tenant's qualification rules judge it. */
public enum Rating { HOT, WARM, COLD }
