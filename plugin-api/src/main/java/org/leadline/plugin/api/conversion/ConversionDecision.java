package org.leadline.plugin.api.conversion;

import java.util.Objects;

/**
 * A {@link ConversionHandler}'s answer before commit: let the qualification proceed, or veto it with a
 * reason the user sees.
 */
public record ConversionDecision(boolean vetoed, String reason) {

    public ConversionDecision {
        if (vetoed) {
            Objects.requireNonNull(reason, "a veto needs a reason the user can act on");
        }
    }

    public static ConversionDecision proceed() {
        return new ConversionDecision(false, null);
    }

    public static ConversionDecision veto(String reason) {
        return new ConversionDecision(true, reason);
    }
}
