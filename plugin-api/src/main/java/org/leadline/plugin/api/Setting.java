package org.leadline.plugin.api;

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
 */
@Stable(since = "1.0")
public record Setting(String name, String label, SettingType type, String defaultValue, String help,
                      boolean required, boolean secret, List<String> options) {

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
    }

    /** A setting of the given name and type: optional, not secret, without default. */
    public static Setting of(String name, SettingType type) {
        return new Setting(name, name, type, null, "", false, false, List.of());
    }

    public Setting label(String newLabel) {
        return new Setting(name, newLabel, type, defaultValue, help, required, secret, options);
    }

    public Setting help(String newHelp) {
        return new Setting(name, label, type, defaultValue, newHelp, required, secret, options);
    }

    public Setting defaultValue(String value) {
        return new Setting(name, label, type, value, help, required, secret, options);
    }

    public Setting asRequired() {
        return new Setting(name, label, type, defaultValue, help, true, secret, options);
    }

    public Setting asSecret() {
        return new Setting(name, label, type, defaultValue, help, required, true, options);
    }

    public Setting options(String... values) {
        return new Setting(name, label, type, defaultValue, help, required, secret, List.of(values));
    }
}
