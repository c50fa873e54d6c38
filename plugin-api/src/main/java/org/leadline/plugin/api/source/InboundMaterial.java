package org.leadline.plugin.api.source;

import java.util.Map;
import java.util.Objects;

/**
 * Something that arrived and may contain leads: an e-mail (RFC 822 bytes), a form post, a CSV file.
 *
 * @param mediaType  e.g. {@code message/rfc822}, {@code application/x-www-form-urlencoded}, {@code text/csv}
 * @param name       a file name or subject, for messages; may be empty
 * @param attributes transport facts, e.g. {@code "receivedFrom"}
 * @param content    the bytes; a copy is kept and handed out, so neither side can change the other's
 */
public record InboundMaterial(String mediaType, String name, Map<String, String> attributes, byte[] content) {

    public InboundMaterial {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        name = name == null ? "" : name;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
