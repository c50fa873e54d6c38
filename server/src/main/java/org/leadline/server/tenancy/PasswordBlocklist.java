package org.leadline.server.tenancy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * The password blocklist of NIST SP 800-63B, through nbvcxz: its list of passwords from public
 * breaches, English words and names, and the patterns guessing tools try first (repetitions,
 * sequences, keyboard walks, l33t spellings, reversed words), plus the words of the account itself.
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
        List<String> words = context == null ? List.of() : Arrays.stream(context).filter(Objects::nonNull)
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> w.length() >= 3).toList();
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (words.contains(lower) || "leadline".equals(lower)) {
            return true;
        }
        // The default dictionaries are loaded once by nbvcxz; only the account's own words are new.
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
        own.addWord("leadline", 0);
        words.forEach(w -> own.addWord(w, 0));
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(own.createDictionary());
        Configuration configuration = new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration();
        return new Nbvcxz(configuration).estimate(password).getEntropy() < MIN_GUESS_BITS;
    }
}
