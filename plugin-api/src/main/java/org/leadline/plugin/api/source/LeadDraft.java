package org.leadline.plugin.api.source;

import java.util.Map;
import java.util.Objects;

import org.leadline.plugin.api.Money;

/**
 * A lead as a source read it, before the server validates, de-duplicates and stores it. Only
 * {@code lastName} is required; the server reports other fields that fail validation.
 * {@code extra} keeps what has no field (e.g. a form's free fields), shown in the lead's description.
 */
public record LeadDraft(String salutation, String firstName, String lastName, String jobTitle, String email,
                        String phone, String companyName, String website, String country, Money budget,
                        String need, String topic, String sourceDetail, Map<String, String> extra) {

    public LeadDraft {
        Objects.requireNonNull(lastName, "lastName");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
