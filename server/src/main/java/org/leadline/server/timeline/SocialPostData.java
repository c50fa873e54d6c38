package org.leadline.server.timeline;

import java.time.Instant;

/**
 * What a client writes about a social-network post, as checked by {@link SocialPostView} (the record a
 * body is read into): where, by whom ({@code LEAD} or an employee's user id), the link, the text and
 * when it was posted.
 */
public record SocialPostData(String network, String author, String url, String text, Instant postedAt) {

    public static final String LEAD = "LEAD";
}
