package org.leadline.plugin.api;

/** How promising a lead is. */
@Stable(since = "1.0")
public enum Rating { HOT, WARM, COLD }
