package org.leadline.server.merge;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a merge as {@link MergeService#read} accepts it. */
@Schema(name = "LeadMergeRequest", description = "Which leads to merge into the surviving lead and, optionally, "
        + "which lead each field is taken from", example = """
        {"mergedIds": ["01a242fd-9b1c-7d2e-8f3a-4b5c6d7e8f90"],
         "fields": {"person.email": "01a242fd-9b1c-7d2e-8f3a-4b5c6d7e8f90", "company": "01a242fd-9b1c-7d2e-8f3a-4b5c6d7e8f90"}}""")
public record MergeRequest(
        @NotNull(message = "is required: the ids of the leads to merge into the survivor")
        @Size(min = 1, max = MergeService.MAX_MERGED,
                message = "must name at least one lead and at most " + MergeService.MAX_MERGED + " leads per merge")
        @Schema(description = "The ids of the leads to merge into the survivor: open leads of the tenant, each once, "
                + "not the survivor itself") List<String> mergedIds,
        @Schema(description = "Field (e.g. person.email) or field group (e.g. company) to the id of the lead it is "
                + "taken from: the survivor or one of the merged leads. Fields not named keep the survivor's value, "
                + "or the first merged lead's when the survivor has none")
        Map<String, String> fields,
        @Schema(description = "true shows the result without changing anything, like the dryRun parameter")
        Boolean dryRun) {
}
