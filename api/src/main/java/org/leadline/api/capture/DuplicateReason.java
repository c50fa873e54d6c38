package org.leadline.api.capture;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a lead is a candidate duplicate of another. */
@Schema(name = "DuplicateReason", description = "What made a lead a likely duplicate")
public enum DuplicateReason { EMAIL, PHONE, NAME_AND_COMPANY }
