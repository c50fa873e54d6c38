package org.leadline.server.tenancy;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.leadline.api.tenancy.AccountConstraints;
import org.leadline.server.platform.problem.ProblemException;

/** Password hashing with Jakarta Security's PBKDF2 and the password policy. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = AccountConstraints.PASSWORD_MIN_LENGTH;
    public static final int MAX_LENGTH = AccountConstraints.PASSWORD_MAX_LENGTH;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void configure() {
        // OWASP's current recommendation for PBKDF2-HMAC-SHA512.
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return stored != null && hash.verify(password.toCharArray(), stored);
    }

    /**
     * Refuses a password as NIST SP 800-63B asks: too short or too long, only white space, or on the
     * blocklist. No composition rules (no "one digit and one symbol"): length and the blocklist are
     * what makes a password hard to guess.
     *
     * @param field    the request member the password came in, named in the problem
     * @param password the password as sent
     * @param context  words of the account that must not be the password (username, tenant); may be empty
     */
    public static void checkPolicy(String field, String password, String... context) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ProblemException.field(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.field(field, "must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw ProblemException.field(field, "must not be only white space");
        }
        if (PasswordBlocklist.blocks(password, context)) {
            throw ProblemException.field(field, PasswordBlocklist.REASON);
        }
    }
}
