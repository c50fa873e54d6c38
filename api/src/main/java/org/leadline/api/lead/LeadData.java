package org.leadline.api.lead;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything about a lead that a client writes: the lead form. Fields the server owns (id,
 * status, rating, score, stage, timestamps, version) are not part of it.
 *
 * <p>The nesting mirrors the JSON body, so a constraint's path ({@code person.email}) is the
 * field a client sees in the error.
 */
public record LeadData(
        @NotNull(message = "is required") @Valid Person person,
        @Valid Company company,
        @NotNull(message = "is required") @Valid Origin origin,
        @Valid Qualification qualification,
        @Size(max = 200) String topic,
        @Size(max = 4000) String description,
        String ownerId) {

    /** The person behind the lead. */
    public record Person(
            @Size(max = 20) String salutation,
            @Size(max = 100) String firstName,
            @NotBlank(message = "is required") @Size(max = 100) String lastName,
            @Size(max = 128) String jobTitle,
            @Size(max = 254) @Email(message = "must be a valid e-mail address") String email,
            @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String businessPhone,
            @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobilePhone,
            ContactMethod preferredContactMethod,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                    message = "must be a language tag like de or en-GB") String language) {
    }

    /** The company the person works for. */
    public record Company(
            @Size(max = 200) String name,
            @Size(max = 500) @Pattern(regexp = "(?i)(https?://)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\\d+)?(/\\S*)?",
                    message = "must be a web address like https://example.com") String website,
            @Size(max = 100) String industry,
            @PositiveOrZero @Max(10_000_000) Integer employees,
            @Valid Money annualRevenue,
            @Valid Address address) {
    }

    /** A postal address. {@code country} is an ISO 3166-1 alpha-2 code. */
    public record Address(
            @Size(max = 200) String street,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 country code like DE")
            @IsoCode(value = IsoCode.List.COUNTRY, message = "is not an ISO 3166 country code")
            @Schema(description = "ISO 3166-1 alpha-2; taken in any case, stored in upper case") String country) {

        public Address {
            country = upper(country);
        }
    }

    /** An amount of money in an ISO 4217 currency. */
    public record Money(
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 17, fraction = 2, message = "must have at most 17 digits and 2 decimals")
            BigDecimal amount,
            @NotNull(message = "is required") @Pattern(regexp = "[A-Za-z]{3}",
                    message = "must be an ISO 4217 currency code like EUR")
            @IsoCode(value = IsoCode.List.CURRENCY, message = "is not an ISO 4217 currency code")
            @Schema(description = "ISO 4217; taken in any case, stored in upper case") String currency) {

        public Money {
            currency = upper(currency);
        }
    }

    /** Where the lead came from. */
    public record Origin(
            @NotNull(message = "is required") Source source,
            @Size(max = 200) String detail) {
    }

    /** The qualification criteria: budget, need, timeframe, authority. */
    public record Qualification(
            @Valid Money budget,
            @Size(max = 4000) String need,
            PurchaseTimeframe purchaseTimeframe,
            Boolean decisionMaker,
            @Size(max = 200) String decisionMakerName,
            PurchaseProcess purchaseProcess,
            @Size(max = 2000) String purchaseProcessNotes) {
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }

    static final String PHONE = "\\+?[0-9 ()./-]{3,40}";
    static final String PHONE_MESSAGE = "must be a phone number of digits, spaces and + ( ) / . -";
}
