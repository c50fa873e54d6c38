package org.leadline.server.capture.webform;

import java.util.List;

import org.leadline.api.lead.Source;

/**
 * What a tenant administrator writes about a form, already checked by {@link WebFormJson}.
 *
 * @param fields                 the form's fields in display order
 * @param allowedOrigins         browser origins ({@code https://www.example.com}) that may post the form
 * @param honeypotField          a field humans never fill (hidden by the page); null for none
 * @param minFillSeconds         how long a human needs at least between loading and sending; 0 turns the check off
 * @param perIpPerMinute         submissions one client address may make per minute
 * @param perFormPerMinute       submissions the form takes per minute from everyone together
 * @param duplicateWindowSeconds how long the same content posted again counts as the same submission
 * @param ownerId                the user who owns the leads the form creates; null means the caller
 */
public record WebFormDefinition(String name, List<Field> fields, Source source, String sourceDetail,
                                List<String> allowedOrigins, String redirectUrl, boolean enabled,
                                String honeypotField, int minFillSeconds, int perIpPerMinute, int perFormPerMinute,
                                int duplicateWindowSeconds, String ownerId) {

    /** The lead fields a form field can fill: the fields of a lead draft. */
    public static final List<String> LEAD_FIELDS = List.of("salutation", "firstName", "lastName", "jobTitle", "email",
            "phone", "companyName", "website", "country", "need", "topic");

    static final int MAX_FIELDS = 50;
    static final int MAX_ORIGINS = 20;
    static final int MAX_FIELD_LENGTH = 10_000;
    static final int DEFAULT_FIELD_LENGTH = 1_000;

    /**
     * One field of the form.
     *
     * @param leadField the lead field it fills ({@link #LEAD_FIELDS}); null keeps it as extra text in
     *                  the lead's description
     */
    public record Field(String name, String leadField, boolean required, int maxLength) {
    }
}
