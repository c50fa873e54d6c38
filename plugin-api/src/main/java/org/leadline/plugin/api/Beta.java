package org.leadline.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type the server does not yet use in its full contract and that may still change in a
 * minor version of the plugin API. Build against it if you must, and expect to recompile.
 */
@Documented
// Kept at run time: the build's compatibility gate (ApiSignatureTest) reads which types are stable.
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface Beta {

    /** What is still expected to change. */
    String value() default "";
}
