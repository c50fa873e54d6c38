package org.leadline.server.tenancy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * The password blocklist of NIST SP 800-63B, through nbvcxz: its list of passwords from public
 * breaches, English words and names, and the patterns guessing tools try first (repetitions,
 * sequences, keyboard walks, l33t spellings, reversed words) and the product's name, plus the
 * account's own username and tenant (the password may not be one of them with a few characters around).
 * A password is blocked when nbvcxz estimates that a guesser trying those first finds it within
 * 2^{@value #MIN_GUESS_BITS} guesses: a breached password as a whole ({@code "iloveyou"}), two of
 * them glued together ({@code "baseball1234"}), {@code "aaaaaaaaaaaa"} or {@code "123456789012"}.
 * Separate words with a separator are not blocked for being words; their number makes them strong.
 */
final class PasswordBlocklist {

    static final int MIN_GUESS_BITS = 20;
    static final String REASON = "is too easy to guess: a common or breached password, or a simple pattern of one";

    private PasswordBlocklist() {
    }

    static boolean blocks(String password, String... context) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("leadline") || (context != null && Arrays.stream(context).filter(Objects::nonNull)
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).anyMatch(w -> w.length() >= 3
                        && (lower.equals(w) || lower.replace(w, "").length() < 4)))) {
            // The account's own name, its tenant, the product: with at most a few characters around.
            return true;
        }
        return ESTIMATOR.estimate(password).getEntropy() < MIN_GUESS_BITS;
    }

    /**
     * nbvcxz with its own dictionaries; thread-safe. The library loads its dictionaries (171,000
     * words) into static fields at its first use and keeps them: about 19 MB of heap for the rest of
     * the process, so a first start with configured bootstrap passwords idles about 40 MiB larger.
     */
    private static final Nbvcxz ESTIMATOR = new Nbvcxz(new ConfigurationBuilder()
            .setDictionaries(withProductName()).createConfiguration());

    private static List<Dictionary> withProductName() {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(new DictionaryBuilder().setDictionaryName("product").setExclusion(true)
                .addWord("leadline", 0).createDictionary());
        return dictionaries;
    }
}
