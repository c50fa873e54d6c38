package org.leadline.plugin.api;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency ({@code "EUR"}). */
@Stable(since = "1.0")
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
