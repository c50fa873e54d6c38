package org.leadline.server.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;

/** Input rules for tenants and users, shared by the admin endpoints and the first start. */
final class AccountRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");
    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    static String username(JsonInput in, String key, boolean required) {
        String value = in.string(key);
        if (value == null) {
            if (required) {
                in.error(key, "is required");
            }
            return null;
        }
        value = value.toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(value).matches()) {
            in.error(key, "must be 3 to 100 characters: letters, digits and . _ @ -, starting with a letter or digit");
        }
        return value;
    }

    static String text(JsonInput in, String key, int max, boolean required) {
        String value = in.string(key);
        if (value == null && required) {
            in.error(key, "is required");
        } else if (value != null && value.length() > max) {
            in.error(key, "must have at most " + max + " characters");
        }
        return value;
    }

    static String email(JsonInput in, String key) {
        String value = in.string(key);
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            in.error(key, "must be a valid e-mail address");
        }
        return value;
    }

    static String password(JsonInput in, String key) {
        String value = in.has(key) ? in.string(key) : null;
        if (value != null && (value.length() < Passwords.MIN_LENGTH || value.length() > Passwords.MAX_LENGTH)) {
            in.error(key, "must have " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters");
        }
        return value;
    }

    /** A list of role names, each one of {@code allowed}. */
    static Set<Role> roles(JsonObject body, JsonInput in, String key, Set<Role> allowed, boolean required) {
        if (!in.has(key)) {
            if (required) {
                in.error(key, "is required");
            }
            return null;
        }
        JsonValue value = body.get(key);
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            in.error(key, "must be a non-empty list of " + allowed);
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonValue v : array) {
            Role role = null;
            if (v instanceof JsonString s) {
                try {
                    role = Role.valueOf(s.getString().strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    role = null;
                }
            }
            if (role == null || !allowed.contains(role)) {
                in.error(key, "may only contain " + allowed);
                return null;
            }
            roles.add(role);
        }
        return roles;
    }

    static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw org.leadline.server.platform.problem.ProblemException.validation(errors);
        }
    }
}
