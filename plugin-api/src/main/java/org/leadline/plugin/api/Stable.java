package org.leadline.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type whose binary and source compatibility the server keeps for the whole major version of
 * the plugin API: members may be added (interfaces only with a default), never removed or changed.
 * The build checks this against the checked-in signatures in {@code plugin-api/api/} (see
 * {@code ApiSignatureTest}): removing or changing a member, or adding an abstract method to an
 * interface, fails it.
 */
@Documented
// Kept at run time: the build's compatibility gate (ApiSignatureTest) reads which types are stable.
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Stable {

    /** The plugin API version that made the type stable, e.g. {@code "1.0"}. */
    String since();
}
