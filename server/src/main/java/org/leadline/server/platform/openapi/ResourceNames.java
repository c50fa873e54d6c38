package org.leadline.server.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a concrete resource whose operations a generic base class declares (the lead's
 * interactions, notes, …), for the placeholders in the base class's OpenAPI annotations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ResourceNames {

    /** In operation ids and the body schema's name, e.g. {@code LeadInteraction}. */
    String item();

    /** The plural in operation ids, e.g. {@code LeadInteractions}. */
    String items();

    /** In prose, e.g. {@code interaction}. */
    String itemText();

    /** The plural in prose, e.g. {@code interactions}. */
    String itemsText();

    /** The record the resource reads and writes. */
    Class<?> schema();

    /** The record of a page of the list, for the schema reference {@code {Item}Page}; none by default. */
    Class<?> page() default Void.class;
}
