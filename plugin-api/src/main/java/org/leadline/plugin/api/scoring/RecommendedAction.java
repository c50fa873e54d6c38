package org.leadline.plugin.api.scoring;

import java.util.Objects;

/**
 * Something a salesperson should do next, shown with the lead.
 *
 * @param code   a stable machine-readable code, e.g. {@code "send-proposal"}
 * @param title  a short imperative sentence, e.g. "Send a proposal this week"
 * @param detail why, in a sentence; may be empty
 */
public record RecommendedAction(String code, String title, String detail) {

    public RecommendedAction {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }
}
