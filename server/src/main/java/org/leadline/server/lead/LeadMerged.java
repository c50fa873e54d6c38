package org.leadline.server.lead;

import java.util.List;
import java.util.Map;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * The lead asked for was merged into another one. {@link LeadMergedMapper} answers a read with a
 * permanent redirect to the survivor and anything else with a problem naming the survivor.
 */
public class LeadMerged extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final String mergedId;
    private final String survivorId;

    public LeadMerged(String mergedId, String survivorId) {
        this(mergedId, survivorId, List.of());
    }

    public LeadMerged(String mergedId, String survivorId, List<FieldError> errors) {
        super(ProblemType.LEAD_MERGED, "Lead " + mergedId + " was merged into lead " + survivorId
                        + "; work on that lead instead", errors,
                Map.of("mergedInto", survivorId), Map.of());
        this.mergedId = mergedId;
        this.survivorId = survivorId;
    }

    public String mergedId() {
        return mergedId;
    }

    public String survivorId() {
        return survivorId;
    }
}
