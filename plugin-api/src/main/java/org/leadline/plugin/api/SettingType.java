package org.leadline.plugin.api;

/** The type of a {@link Setting}'s value; the server checks a tenant's value against it. */
@Stable(since = "1.0")
public enum SettingType {
    /** Any text up to 4000 characters. */
    STRING,
    /** A whole number (Java {@code long}). */
    INTEGER,
    /** A decimal number ({@link java.math.BigDecimal}). */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /**
     * An absolute {@code http} or {@code https} address. A literal address the server's egress
     * policy refuses (e.g. {@code http://127.0.0.1/}) is refused when the settings are saved.
     */
    URL,
    /** One of {@link Setting#options()}. */
    CHOICE,
    /**
     * A host name or IP address the extension connects to through
     * {@link PluginContext#egress()}; a literal address the egress policy refuses is refused when
     * the settings are saved (since 1.1).
     */
    HOST
}
