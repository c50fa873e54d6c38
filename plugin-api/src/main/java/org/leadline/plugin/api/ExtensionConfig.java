package org.leadline.plugin.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A tenant's settings for one extension, already validated against the extension's
 * {@link LeadlineExtension#settings() declaration} and with defaults applied: a value is present
 * for every setting that is required or has a default. Immutable.
 *
 * <p>Values are typed as declared: {@code STRING} and {@code CHOICE} as {@link String},
 * {@code INTEGER} as {@link Long}, {@code DECIMAL} as {@link BigDecimal}, {@code BOOLEAN} as
 * {@link Boolean}, {@code URL} as {@link URI}. Asking for an undeclared setting, or with the wrong
 * type, is a programming error and throws.
 */
@Stable(since = "1.0")
public final class ExtensionConfig {

    private static final ExtensionConfig EMPTY = new ExtensionConfig(Map.of());

    private final Map<String, Object> values;

    private ExtensionConfig(Map<String, Object> values) {
        this.values = values;
    }

    /** Used by the server, and by tests of a plugin to build the config its extension would get. */
    public static ExtensionConfig of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v));
        return copy.isEmpty() ? EMPTY : new ExtensionConfig(Collections.unmodifiableMap(copy));
    }

    public static ExtensionConfig empty() {
        return EMPTY;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(typed(name, String.class));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable(typed(name, Long.class));
    }

    public Optional<BigDecimal> decimal(String name) {
        return Optional.ofNullable(typed(name, BigDecimal.class));
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable(typed(name, Boolean.class));
    }

    public Optional<URI> url(String name) {
        return Optional.ofNullable(typed(name, URI.class));
    }

    /** The value of a setting that is required or has a default; throws if there is none. */
    public String requireString(String name) {
        return string(name).orElseThrow(() -> new NoSuchElementException("No value for setting " + name));
    }

    /** All values, for logging or copying; secrets included, so never log it as a whole. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = values.get(name);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalArgumentException("Setting " + name + " is a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Names only: values may be secrets. */
    @Override
    public String toString() {
        return "ExtensionConfig" + values.keySet();
    }
}
