package org.leadline.server.platform.json;

import java.util.List;

import org.leadline.api.problem.FieldError;

/**
 * A request record with rules across its members (two fields may not share a name, one of them must fill
 * the last name, …) that its Bean Validation constraints do not say. {@link RecordBodyReader} checks them
 * after binding and validating the record, and lists their errors in the same problem as every other
 * error of the body.
 */
public interface CrossFieldRules {

    /**
     * Adds an error for every rule the record breaks, under the path of the member in the body. Members that
     * could not be read are null here (items of lists too), and {@code errors} already holds what was wrong
     * with them.
     */
    void check(List<FieldError> errors);
}
