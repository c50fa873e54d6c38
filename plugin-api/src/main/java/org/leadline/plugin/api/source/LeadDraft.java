package org.leadline.plugin.api.source;

import java.util.Map;
import java.util.Objects;

import org.leadline.plugin.api.Money;

/**
 * A lead as a source read it, before the server validates, de-duplicates and stores it. Only
 * {@code lastName} is required; the server reports other fields that fail validation.
 * {@code extra} keeps what has no field (e.g. a form's free fields), shown in the lead's description.
 *
 * @param phone       the business phone number, as written; the server compares numbers in E.164
 * @param mobilePhone the mobile number, as written
 * @param message     the message the lead came with (an e-mail, a form's comment), or null; the server
 *                    stores it as the lead's first inbound interaction and uses its ids to keep intake
 *                    idempotent and to find the lead of a reply
 * @param provenance  where each field was found, by field name (e.g. {@code "phone" -> "signature line 3"}),
 *                    shown to the person who uploaded the material
 */
public record LeadDraft(String salutation, String firstName, String lastName, String jobTitle, String email,
                        String phone, String mobilePhone, String companyName, String website, String street,
                        String postalCode, String city, String country, Money budget, String need, String topic,
                        String sourceDetail, Map<String, String> extra, InboundMessage message,
                        Map<String, String> provenance) {

    public LeadDraft {
        Objects.requireNonNull(lastName, "lastName");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** The draft of the first version of this API: no mobile number, address, message or provenance. */
    public LeadDraft(String salutation, String firstName, String lastName, String jobTitle, String email,
                     String phone, String companyName, String website, String country, Money budget,
                     String need, String topic, String sourceDetail, Map<String, String> extra) {
        this(salutation, firstName, lastName, jobTitle, email, phone, null, companyName, website, null, null, null,
                country, budget, need, topic, sourceDetail, extra, null, null);
    }
}
