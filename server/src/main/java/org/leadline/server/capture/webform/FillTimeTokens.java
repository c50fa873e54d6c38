package org.leadline.server.capture.webform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed timestamp a form embeds when it is loaded: {@code <epoch millis>.<HMAC-SHA256>}, signed
 * with the form's own secret, so a client can neither forge an older time nor reuse another form's
 * token. The server keeps nothing per token.
 */
final class FillTimeTokens {

    /** The name of the form field that carries the token. */
    static final String FIELD = "_token";

    /** How long a loaded form may stay open before it must be loaded again. */
    static final Duration MAX_AGE = Duration.ofHours(24);

    /** Why a token was refused, or null when it is good. */
    record Check(String problem, boolean tooFast) {
    }

    private FillTimeTokens() {
    }

    static String issue(WebForm form, Instant now) {
        String time = Long.toString(now.toEpochMilli());
        return time + "." + sign(form, time);
    }

    static Check check(WebForm form, String token, Instant now) {
        if (token == null || token.isEmpty()) {
            return new Check("is required: embed the token from GET of the form's public URL", false);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 100) {
            return new Check("is not a token this form issued", false);
        }
        String time = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(form, time).getBytes(StandardCharsets.US_ASCII))) {
            return new Check("is not a token this form issued", false);
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(time));
        } catch (NumberFormatException e) {
            return new Check("is not a token this form issued", false);
        }
        Duration age = Duration.between(issued, now);
        if (age.compareTo(MAX_AGE) > 0) {
            return new Check("has expired: load the form again", false);
        }
        if (age.compareTo(Duration.ofSeconds(form.minFillSeconds())) < 0) {
            return new Check("says the form was sent " + Math.max(0, age.toMillis()) + " ms after it was loaded;"
                    + " the form needs at least " + form.minFillSeconds() + " s", true);
        }
        return null;
    }

    private static String sign(WebForm form, String time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(form.tokenSecret().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] sig = mac.doFinal((form.formKey() + "|" + time).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
