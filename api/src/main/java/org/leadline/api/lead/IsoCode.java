package org.leadline.api.lead;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A code that exists in its ISO list: a country (ISO 3166-1 alpha-2) or a currency (ISO 4217). A
 * code of the wrong form is left to the member's {@code @Pattern}, so a client hears one reason.
 */
@Documented
@Constraint(validatedBy = IsoCode.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCode {

    /** The ISO list the code must be in. */
    enum List {
        COUNTRY("[A-Z]{2}", Set.of(Locale.getISOCountries())),
        CURRENCY("[A-Z]{3}", Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .collect(Collectors.toUnmodifiableSet()));

        final String form;
        final Set<String> codes;

        List(String form, Set<String> codes) {
            this.form = form;
            this.codes = codes;
        }
    }

    List value();

    String message() default "is not a code of its ISO list";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a code against its list. */
    class Check implements ConstraintValidator<IsoCode, String> {

        private List list;

        @Override
        public void initialize(IsoCode annotation) {
            list = annotation.value();
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || !code.matches(list.form) || list.codes.contains(code);
        }
    }
}
