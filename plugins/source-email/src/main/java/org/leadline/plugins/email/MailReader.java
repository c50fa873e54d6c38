package org.leadline.plugins.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a raw RFC 5322 message with Jakarta Mail, within {@link MailLimits}: transfer encodings
 * (quoted-printable, base64), charsets (labels of ISO-8859-1 and US-ASCII are read as
 * Windows-1252, as mail clients write them; unlabelled 8-bit text as UTF-8 when it is valid UTF-8),
 * RFC 2047 headers, multipart/alternative (plain text preferred, else HTML as text), and a message
 * attached as message/rfc822.
 */
final class MailReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{1,500})>");
    private static final int MAX_REFERENCES = 100;
    private static final int MAX_TEXT = 200_000;

    private final MailLimits limits;
    private final Session session;
    private int parts;

    MailReader(MailLimits limits) {
        this.limits = limits;
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(p);
    }

    ParsedMail read(byte[] raw) throws MailLimits.Exceeded, MessagingException, IOException {
        parts = 0;
        precheckBoundaries(raw);
        // A shared stream lets every part point into the one buffer instead of copying its bytes.
        MimeMessage message = new MimeMessage(session, new jakarta.mail.util.SharedByteArrayInputStream(raw));
        return read(message, 0);
    }

    /**
     * Refuses before parsing a message whose boundary lines alone show more parts than allowed:
     * parsing thousands of parts costs seconds, and that is what such a message is made for. Each
     * part starts with a boundary line and each multipart ends with one, so the parts are at least
     * half the lines that start with "--" and a non-blank.
     */
    private void precheckBoundaries(byte[] raw) throws MailLimits.Exceeded {
        long delimiters = 0;
        boolean lineStart = true;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (lineStart && b == '-' && i + 2 < raw.length && raw[i + 1] == '-' && raw[i + 2] > ' ') {
                delimiters++;
            }
            lineStart = b == '\n';
        }
        if (delimiters > 2L * limits.maxParts() + 2) {
            throw new MailLimits.Exceeded("maxParts", delimiters + " MIME boundary lines, so more than "
                    + limits.maxParts() + " MIME parts");
        }
    }

    private ParsedMail read(MimeMessage m, int depth) throws MailLimits.Exceeded, MessagingException, IOException {
        Map<String, String> headers = headers(m);
        String fromName = null;
        String fromAddress = null;
        InternetAddress from = sender(m);
        if (from != null) {
            fromAddress = from.getAddress() == null ? null : from.getAddress().strip().toLowerCase(Locale.ROOT);
            fromName = from.getPersonal();
        }
        String subject = null;
        try {
            subject = m.getSubject();
        } catch (MessagingException e) {
            subject = headers.get("subject");
        }
        Instant sent = null;
        try {
            sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
        } catch (MessagingException e) {
            // An unreadable Date header: the time of intake is used.
        }
        String messageId = ids(headers.get("message-id")).stream().findFirst().orElse(null);
        List<String> references = new ArrayList<>(ids(headers.get("references")));
        for (String id : ids(headers.get("in-reply-to"))) {
            if (!references.contains(id)) {
                references.add(id);
            }
        }
        Body body = new Body();
        walk(m, depth, body);
        String text = body.plain != null ? body.plain : body.html != null ? Html.text(body.html) : "";
        String textFrom = body.plain != null ? "text/plain" : body.html != null ? "text/html" : "none";
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String contentType = headers.getOrDefault("content-type", "text/plain");
        return new ParsedMail(fromName, fromAddress, subject, sent, messageId,
                references.size() > MAX_REFERENCES ? references.subList(references.size() - MAX_REFERENCES, references.size()) : references,
                headers, contentType, text.replace("\r\n", "\n").replace('\r', '\n'), textFrom, body.attached);
    }

    private static InternetAddress sender(MimeMessage m) {
        try {
            Address[] from = m.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia) {
                return ia;
            }
        } catch (MessagingException e) {
            try {
                String raw = m.getHeader("From", ",");
                if (raw != null) {
                    InternetAddress[] parsed = InternetAddress.parseHeader(MimeUtility.unfold(raw), false);
                    return parsed.length > 0 ? parsed[0] : null;
                }
            } catch (MessagingException ignored) {
                return null;
            }
        }
        return null;
    }

    /** The decoded first value of each header, after checking the header block against the limits. */
    private Map<String, String> headers(Part p) throws MailLimits.Exceeded, MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        int count = 0;
        for (Enumeration<Header> e = p.getAllHeaders(); e.hasMoreElements(); ) {
            Header h = e.nextElement();
            if (++count > limits.maxHeaders()) {
                throw new MailLimits.Exceeded("maxHeaders", "more than " + limits.maxHeaders() + " header fields in one header block");
            }
            String value = h.getValue() == null ? "" : h.getValue();
            int length = h.getName().length() + value.length();
            if (length > limits.maxHeaderLength()) {
                throw new MailLimits.Exceeded("maxHeaderLength", "the header " + cut(h.getName(), 60) + " has " + length
                        + " characters, at most " + limits.maxHeaderLength());
            }
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!headers.containsKey(name)) {
                headers.put(name, decode(MimeUtility.unfold(value)));
            }
        }
        return headers;
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find() && ids.size() < MAX_REFERENCES * 2) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty() && !header.isBlank() && header.strip().length() <= 500 && !header.strip().contains(" ")) {
            ids.add(header.strip());
        }
        return ids;
    }

    private static final class Body {
        String plain;
        String html;
        ParsedMail attached;
    }

    private void walk(Part p, int depth, Body body) throws MailLimits.Exceeded, MessagingException, IOException {
        if (depth > limits.maxDepth()) {
            throw new MailLimits.Exceeded("maxDepth", "MIME parts nested deeper than " + limits.maxDepth() + " levels");
        }
        if (++parts > limits.maxParts()) {
            throw new MailLimits.Exceeded("maxParts", "more than " + limits.maxParts() + " MIME parts");
        }
        if (depth > 0) {
            headers(p);
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(p));
        if (p.isMimeType("multipart/*")) {
            Object content = p.getContent();
            if (!(content instanceof Multipart mp)) {
                return;
            }
            int n = mp.getCount();
            if (parts + n > limits.maxParts()) {
                throw new MailLimits.Exceeded("maxParts", n + " MIME parts in one multipart, at most " + limits.maxParts() + " in all");
            }
            for (int i = 0; i < n; i++) {
                walk(mp.getBodyPart(i), depth + 1, body);
            }
        } else if (p.isMimeType("message/rfc822")) {
            if (body.attached == null && p.getContent() instanceof MimeMessage inner) {
                body.attached = read(inner, depth + 1);
            }
        } else if (!attachment && p.isMimeType("text/plain")) {
            if (body.plain == null) {
                body.plain = text(p);
            }
        } else if (!attachment && p.isMimeType("text/html")) {
            if (body.html == null) {
                body.html = text(p);
            }
        }
    }

    private static String disposition(Part p) {
        try {
            return p.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The text of a text part in its charset; see the class comment for the charsets mail clients mislabel. */
    static String text(Part p) throws MessagingException, IOException {
        String charset = null;
        try {
            charset = new ContentType(p.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            // A broken Content-Type: decided from the bytes below.
        }
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT * 4);
        }
        return decodeBytes(bytes, charset);
    }

    static String decodeBytes(byte[] bytes, String label) {
        Charset windows1252 = Charset.forName("windows-1252");
        if (label != null) {
            String name = MimeUtility.javaCharset(label.strip().replace("\"", ""));
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("iso-8859-1") || lower.equals("iso8859_1") || lower.equals("us-ascii") || lower.equals("ascii")
                    || lower.equals("latin1")) {
                return validUtf8(bytes) != null && lower.contains("ascii") ? validUtf8(bytes) : new String(bytes, windows1252);
            }
            try {
                return new String(bytes, Charset.forName(name));
            } catch (RuntimeException e) {
                // An unknown charset: decided from the bytes.
            }
        }
        String utf8 = validUtf8(bytes);
        return utf8 != null ? utf8 : new String(bytes, windows1252);
    }

    private static String validUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static InternetAddress parseAddress(String text) {
        try {
            InternetAddress[] a = InternetAddress.parseHeader(text, false);
            return a.length > 0 ? a[0] : null;
        } catch (AddressException e) {
            return null;
        }
    }
}
