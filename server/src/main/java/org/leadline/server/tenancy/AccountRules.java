package org.leadline.server.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.leadline.api.tenancy.AccountConstraints;
import org.leadline.api.tenancy.Role;
import org.leadline.api.tenancy.TenantRole;
import org.leadline.api.tenancy.UserView;

/**
 * Input rules for tenants and users that the request records ({@link TenantView.Create},
 * {@link UserView.Create}, …) declare as constraints, and the few that need the caller.
 */
final class AccountRules {

    /** Checked on the text as sent; it is stored in lower case. */
    static final String USERNAME_TEXT = AccountConstraints.USERNAME_TEXT;
    static final String USERNAME_MESSAGE = AccountConstraints.USERNAME_MESSAGE;
    static final String EMAIL_TEXT = AccountConstraints.EMAIL_TEXT;
    static final String EMAIL_MESSAGE = AccountConstraints.EMAIL_MESSAGE;
    static final String ROLES_MESSAGE = AccountConstraints.ROLES_MESSAGE;

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
