package org.leadline.server.capture.webform;

/** The lead source that reads form posts: the built-in plugin {@code source-webform}. */
final class WebFormSource {

    static final String PLUGIN_ID = "source-webform";
    static final String EXTENSION_ID = "webform";

    /** Attribute names of the material handed to the source; see docs/web-forms.md. */
    static final String FIELD_PREFIX = "field.";
    static final String IGNORE = "ignore";
    static final String CHARSET = "charset";
    static final String SOURCE_DETAIL = "sourceDetail";
    static final String FORM_NAME = "formName";

    private WebFormSource() {
    }
}
