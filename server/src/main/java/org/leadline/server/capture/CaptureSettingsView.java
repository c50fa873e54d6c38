package org.leadline.server.capture;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's lead-capture settings. */
@Schema(name = "CaptureSettings", description = "How lead capture treats likely duplicates; updatedAt and updatedBy "
        + "are absent until an administrator changes the settings")
public record CaptureSettingsView(
        @NotNull @Schema(description = "WARN stores a likely duplicate with a warning; REJECT refuses it")
        DuplicatePolicy duplicatePolicy,
        Instant updatedAt,
        @Schema(format = "uuid") String updatedBy,
        @Schema(readOnly = true, required = true, description = "Increases with every change, 0 until the first; "
                + "the ETag carries it") Long version) {

    static CaptureSettingsView of(CaptureSettings s) {
        return s == null ? new CaptureSettingsView(CaptureSettings.DEFAULT_POLICY, null, null, 0L)
                : new CaptureSettingsView(s.duplicatePolicy(), s.updatedAt(), s.updatedBy(), s.version());
    }

    /** The settings an administrator sends. */
    @Schema(name = "CaptureSettingsRequest")
    public record Request(@NotNull DuplicatePolicy duplicatePolicy) {
    }
}
