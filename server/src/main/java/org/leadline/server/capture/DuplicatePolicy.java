package org.leadline.server.capture;

/**
 * What a manual create does when likely duplicates exist: create the lead and list the candidates
 * ({@code WARN}), or refuse with 409 listing them ({@code REJECT}). A client may override a
 * refusal with {@code ?allowDuplicate=true} after a person looked at the candidates.
 */
public enum DuplicatePolicy { WARN, REJECT }
