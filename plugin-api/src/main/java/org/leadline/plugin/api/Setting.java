package org.leadline.plugin.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The declaration of one setting of an extension: what an administrator sees in a form and what the
 * server validates before your extension ever sees the value.
 *
 * <pre>{@code
 * List.of(
 *     Setting.of("endpoint", SettingType.URL).asRequired().help("Where qualified leads are posted"),
 *     Setting.of("apiKey", SettingType.STRING).asSecret().help("Sent as a bearer token"),
 *     Setting.of("retries", SettingType.INTEGER).defaultValue("3"));
 * }</pre>
 *
 * @param name         the key, e.g. {@code "apiKey"}: a letter, then letters, digits, {@code .}, {@code _}
 *                     or {@code -}, at most 63 characters; unique within the extension
 * @param label        what a form shows; defaults to the name
 * @param type         how the value is checked and typed
 * @param defaultValue the value used when a tenant sets none, in the same text form a tenant would
 *                     send; {@code null} for none
 * @param help         a sentence telling the administrator what the setting does
 * @param required     whether the extension cannot work without a value (or default)
 * @param secret       whether the value is a credential: stored, passed to the extension, never
 *                     shown again through the API
 * @param options      the allowed values of a {@link SettingType#CHOICE} (at least one); empty otherwise
 * @param min          the smallest value an {@link SettingType#INTEGER} or {@link SettingType#DECIMAL}
 *                     setting takes, or {@code null} for no bound of its own (since 1.1)
 * @param max          the largest such value, or {@code null} (since 1.1)
 * @param pattern      a regular expression the whole value of a {@link SettingType#STRING} setting
 *                     must match, or {@code null} for any text (since 1.1)
 * @param multiLine    whether a {@link SettingType#STRING} value may span several lines; a form shows
 *                     a text area. A single-line setting refuses line breaks (since 1.1)
 */
@Stable(since = "1.0")
public record Setting(String name, String label, SettingType type, String defaultValue, String help,
                      boolean required, boolean secret, List<String> options, BigDecimal min, BigDecimal max,
                      String pattern, boolean multiLine) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,62}");

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A setting name is a letter, then letters, digits, '.', '_' or '-' (max 63): " + name);
        }
        label = label == null || label.isBlank() ? name : label;
        help = help == null ? "" : help;
        // A CHOICE without options is refused by the server when the plugin starts, not here, so that
        // options() can follow of() in a declaration.
        options = options == null ? List.of() : List.copyOf(options);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("The setting " + name + " has a minimum above its maximum");
        }
        if (pattern != null) {
            Pattern.compile(pattern); // a broken expression fails the declaration, not a tenant's save
        }
    }

    /** A single-line setting with bounds and pattern (since 1.1). */
    public Setting(String name, String label, SettingType type, String defaultValue, String help,
                   boolean required, boolean secret, List<String> options, BigDecimal min, BigDecimal max,
                   String pattern) {
        this(name, label, type, defaultValue, help, required, secret, options, min, max, pattern, false);
    }

    /** A setting without bounds or pattern: the declaration of plugin API 1.0. */
    public Setting(String name, String label, SettingType type, String defaultValue, String help,
                   boolean required, boolean secret, List<String> options) {
        this(name, label, type, defaultValue, help, required, secret, options, null, null, null, false);
    }

    /** A setting of the given name and type: optional, not secret, without default. */
    public static Setting of(String name, SettingType type) {
        return new Setting(name, name, type, null, "", false, false, List.of());
    }

    public Setting label(String newLabel) {
        return new Setting(name, newLabel, type, defaultValue, help, required, secret, options, min, max, pattern, multiLine);
    }

    public Setting help(String newHelp) {
        return new Setting(name, label, type, defaultValue, newHelp, required, secret, options, min, max, pattern, multiLine);
    }

    public Setting defaultValue(String value) {
        return new Setting(name, label, type, value, help, required, secret, options, min, max, pattern, multiLine);
    }

    public Setting asRequired() {
        return new Setting(name, label, type, defaultValue, help, true, secret, options, min, max, pattern, multiLine);
    }

    public Setting asSecret() {
        return new Setting(name, label, type, defaultValue, help, required, true, options, min, max, pattern, multiLine);
    }

    public Setting options(String... values) {
        return new Setting(name, label, type, defaultValue, help, required, secret, List.of(values), min, max, pattern, multiLine);
    }

    /**
     * The range of an {@link SettingType#INTEGER} or {@link SettingType#DECIMAL} setting, both ends
     * included; the server refuses a tenant's value outside it, naming the setting (since 1.1).
     */
    public Setting range(long minimum, long maximum) {
        return range(BigDecimal.valueOf(minimum), BigDecimal.valueOf(maximum));
    }

    /** As {@link #range(long, long)}, for decimal bounds; {@code null} leaves that end open (since 1.1). */
    public Setting range(BigDecimal minimum, BigDecimal maximum) {
        return new Setting(name, label, type, defaultValue, help, required, secret, options, minimum, maximum, pattern, multiLine);
    }

    /**
     * Lets a {@link SettingType#STRING} value span several lines (a form shows a text area); without
     * it the server refuses a value with a line break (since 1.1).
     */
    public Setting asMultiLine() {
        return new Setting(name, label, type, defaultValue, help, required, secret, options, min, max, pattern, true);
    }

    /**
     * A regular expression the whole value of a {@link SettingType#STRING} setting must match, e.g.
     * {@code "[A-Z]{3}"} for a currency code; the server refuses other values (since 1.1).
     */
    public Setting pattern(String regex) {
        return new Setting(name, label, type, defaultValue, help, required, secret, options, min, max, regex, multiLine);
    }
}
