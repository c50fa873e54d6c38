package org.leadline.server.platform.persistence;

/** Keeps secrets that operators put into JDBC URLs out of logs and error messages. */
final class Redaction {

    private Redaction() {
    }

    static String url(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
