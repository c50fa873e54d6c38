package org.leadline.api.tenancy;

/**
 * The rules for the members of a user account that the request bodies ({@link UserView.Create},
 * {@link UserView.Update}, a tenant's administrator) declare as constraints.
 */
public final class AccountConstraints {

    /** A username as sent: letters, digits and {@code . _ @ -}, 3 to 100, stored in lower case. */
    public static final String USERNAME_TEXT = "[A-Za-z0-9][A-Za-z0-9._@-]{2,99}";
    public static final String USERNAME_MESSAGE =
            "must be 3 to 100 characters: letters, digits and . _ @ -, starting with a letter or digit";
    public static final String EMAIL_TEXT = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";
    public static final String EMAIL_MESSAGE = "must be a valid e-mail address";
    public static final String ROLES_MESSAGE = "must be a non-empty list of [TENANT_ADMIN, SALES]";
    /** The shortest password a user may be given. */
    public static final int PASSWORD_MIN_LENGTH = 12;
    /** The longest password accepted, when setting one and when signing in. */
    public static final int PASSWORD_MAX_LENGTH = 200;

    private AccountConstraints() {
    }
}
