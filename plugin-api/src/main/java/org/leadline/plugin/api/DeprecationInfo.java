package org.leadline.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accompanies {@link Deprecated}: when a member was deprecated, in which major version it goes,
 * and what to use instead, so a partner can plan the change.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface DeprecationInfo {

    String since();

    String removedIn();

    String replaceWith() default "";
}
