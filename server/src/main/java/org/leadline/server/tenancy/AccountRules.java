package org.leadline.server.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * Input rules for tenants and users that the request records ({@link TenantView.Create},
 * {@link UserView.Create}, …) declare as constraints, and the few that need the caller.
 */
final class AccountRules {

    /** Checked on the text as sent; it is stored in lower case. */
    static final String USERNAME_TEXT = "[A-Za-z0-9][A-Za-z0-9._@-]{2,99}";
    static final String USERNAME_MESSAGE =
            "must be 3 to 100 characters: letters, digits and . _ @ -, starting with a letter or digit";
    static final String EMAIL_TEXT = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";
    static final String EMAIL_MESSAGE = "must be a valid e-mail address";
    static final String ROLES_MESSAGE = "must be a non-empty list of [TENANT_ADMIN, SALES]";

    private AccountRules() {
    }

    static String username(String sent) {
        return sent == null ? null : sent.toLowerCase(Locale.ROOT);
    }

    /** The roles of a tenant's user, each one of {@code allowed}; null stays null. */
    static Set<Role> roles(List<TenantRole> sent) {
        if (sent == null) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        sent.forEach(r -> roles.add(r.role()));
        return roles;
    }

    static <E extends Enum<E>> E status(String sent, Class<E> type) {
        return sent == null ? null : Enum.valueOf(type, sent.toUpperCase(Locale.ROOT));
    }
}
