package org.leadline.server.qualification;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadline.api.page.PageInfo;

/** A job re-rating the tenant's leads after a new version of the rules was saved. */
@Schema(name = "RerateJob", description = "Re-rates every lead of the tenant with a rule set version; a later save "
        + "supersedes a running job")
public record RerateJobView(
        @NotNull @Schema(format = "uuid") String id,
        @NotNull Integer ruleSetVersion,
        @NotNull @Schema(implementation = String.class, enumeration = {"RUNNING", "DONE", "SUPERSEDED"})
        RerateJob.State state,
        @NotNull @Schema(description = "Leads rated so far") Long processed,
        @NotNull @Schema(description = "Leads of the tenant when the job started") Long total,
        @NotNull @Schema(description = "Leads that could not be rated") Long errors,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        Instant finishedAt,
        String lastError) {

    static RerateJobView of(RerateJob j) {
        return new RerateJobView(j.id(), j.ruleSetVersion(), j.state(), j.processed(), j.total(), j.errors(),
                j.createdAt(), j.updatedAt(), j.finishedAt(), j.lastError());
    }

    /** The latest jobs, newest first (at most 20). */
    @Schema(name = "RerateJobList")
    public record Jobs(@NotNull List<RerateJobView> items, @NotNull PageInfo page) {
    }
}
