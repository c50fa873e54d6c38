package org.leadline.server.lead;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.problem.BeanValidation;

/**
 * The field validation of a new lead document, exactly as the lead API applies it, for intake
 * paths that are not a request (the CSV import checks every row with it).
 */
public final class LeadValidation {

    private LeadValidation() {
    }

    /**
     * Reads and validates a new lead's document.
     *
     * @return the lead data, or null when {@code errors} received at least one error
     */
    public static LeadData validateNew(JsonObject body, Validator validator, List<FieldError> errors) {
        int before = errors.size();
        LeadData data = LeadJson.read(body, JsonValue.EMPTY_JSON_OBJECT, errors);
        Set<String> reported = new HashSet<>();
        errors.subList(before, errors.size()).forEach(e -> reported.add(e.field()));
        BeanValidation.errors(validator.validate(data), "").stream()
                .filter(e -> !reported.contains(e.field()))
                .forEach(errors::add);
        return errors.size() == before ? data : null;
    }

    /**
     * The lower-cased copies a lead keeps for sorting and duplicate checks: last name, company (without
     * legal form and punctuation, {@link CompanyNames}), e-mail.
     */
    public static String lastNameKey(String lastName) {
        return Lead.key(lastName, 100);
    }

    public static String companyKey(String companyName) {
        return CompanyNames.key(companyName);
    }

    public static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A lead holding only the name, company and e-mail given, to derive the keys and search terms
     * of a lead whose full record is not at hand (an import updating an existing lead).
     */
    public static Lead forKeys(String firstName, String lastName, String companyName, String email, String userId) {
        LeadData data = new LeadData(
                new LeadData.Person(null, firstName, lastName, null, email, null, null, null, null),
                new LeadData.Company(companyName, null, null, null, null, null),
                new LeadData.Origin(Source.IMPORT, null), null, null, null, null);
        return Lead.create(data, userId);
    }
}
