package org.leadline.server.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * nbvcxz's estimate of a password's entropy in bits, with its own dictionaries and the product's
 * name. Thread-safe. Only ever loaded by {@link PasswordBlocklist}'s own class loader, together with
 * nbvcxz, which keeps its dictionaries in static fields: letting that loader go frees them.
 */
public final class PasswordEntropy implements ToDoubleFunction<String> {

    private final Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setDictionaries(withProductName())
            .createConfiguration());

    @Override
    public double applyAsDouble(String password) {
        return estimator.estimate(password).getEntropy();
    }

    private static List<Dictionary> withProductName() {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(new DictionaryBuilder().setDictionaryName("product").setExclusion(true)
                .addWord("leadline", 0).createDictionary());
        return dictionaries;
    }
}
