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

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * Reads a raw RFC 5322 message with Jakarta Mail, within {@link MailLimits}: transfer encodings
 * (quoted-printable, base64), charsets (a label the bytes contradict is corrected, see
 * {@link #decodeBytes}), RFC 2047 headers and raw UTF-8 headers (RFC 6532), multipart/alternative
 * (plain text preferred, else HTML as text), and a message attached as message/rfc822. A message
 * without a Message-ID gets one derived from its content, so the same message taken twice is
 * recognised; a multipart message none of whose parts can be found is refused as {@link Unreadable}.
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
        // RFC 6532: header fields in raw UTF-8 (an internationalised display name) are read as UTF-8.
        p.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(p);
    }

    ParsedMail read(byte[] raw) throws MailLimits.Exceeded, Unreadable, MessagingException, IOException {
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

    private ParsedMail read(MimeMessage m, int depth) throws MailLimits.Exceeded, Unreadable, MessagingException, IOException {
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
        int partsBefore = parts;
        walk(m, depth, body);
        if (depth == 0 && parts == partsBefore + 1 && body.plain == null && body.html == null && body.attached == null
                && isMultipart(m)) {
            throw new Unreadable("The message is " + baseType(m) + " but no line of its body is its boundary"
                    + boundary(m) + ", so none of its parts can be read");
        }
        String text = text(body);
        String textFrom = body.plain != null ? "text/plain" : body.html != null ? "text/html" : "none";
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String contentType = headers.getOrDefault("content-type", "text/plain");
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (messageId == null && depth == 0) {
            messageId = derivedId(headers, fromAddress, text);
        }
        return new ParsedMail(fromName, fromAddress, subject, sent, messageId,
                references.size() > MAX_REFERENCES ? references.subList(references.size() - MAX_REFERENCES, references.size()) : references,
                headers, contentType, text, textFrom, body.attached);
    }

    private static String text(Body body) {
        return body.plain != null ? body.plain : body.html != null ? Html.text(body.html) : "";
    }

    /** A message that cannot be read as an e-mail, with the reason in the reader's words. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static boolean isMultipart(Part p) {
        try {
            return p.isMimeType("multipart/*");
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String baseType(Part p) {
        try {
            return new ContentType(p.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "multipart";
        }
    }

    private static String boundary(Part p) {
        try {
            String b = new ContentType(p.getContentType()).getParameter("boundary");
            return b == null ? " (it declares none)" : " \"" + cut(b, 70) + "\"";
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /**
     * A stable id for a message that has no Message-ID: the same sender, date, subject and text give
     * the same id, so a second upload of the message is recognised as the first.
     */
    static String derivedId(Map<String, String> headers, String fromAddress, String text) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {fromAddress, headers.get("date"), headers.get("subject"), text.strip()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256-" + java.util.HexFormat.of().formatHex(sha.digest()) + "@content.no-message-id";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private void walk(Part p, int depth, Body body) throws MailLimits.Exceeded, Unreadable, MessagingException, IOException {
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
            Multipart mp;
            int n;
            try {
                if (!(p.getContent() instanceof Multipart m)) {
                    return;
                }
                mp = m;
                n = mp.getCount();
            } catch (MessagingException e) {
                if (depth == 0) {
                    throw new Unreadable("The message is " + baseType(p) + " but no line of its body is its boundary"
                            + boundary(p) + ", so none of its parts can be read (" + e.getMessage() + ")");
                }
                return;
            }
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

    /**
     * The text of the bytes. The label is trusted only when the bytes agree with it: ASCII with bytes
     * above 127, UTF-8 that is no valid UTF-8, or Latin-1 that is valid multi-byte UTF-8 are labels a
     * mail client got wrong. Then, and for unlabelled or unknown charsets, valid UTF-8 is UTF-8 and
     * anything else is what ICU's charset detector finds most likely (ISO-8859-1 read as its
     * superset Windows-1252, as mail clients write it).
     */
    static String decodeBytes(byte[] bytes, String label) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = validUtf8(bytes);
        Charset declared = null;
        if (label != null) {
            try {
                declared = Charset.forName(MimeUtility.javaCharset(label.strip().replace("\"", "")));
            } catch (RuntimeException e) {
                // An unknown charset: decided from the bytes.
            }
        }
        if (declared != null) {
            String name = declared.name().toLowerCase(Locale.ROOT);
            if (name.equals("utf-8")) {
                if (utf8 != null) {
                    return utf8;
                }
            } else if (name.equals("us-ascii")) {
                // Decided from the bytes below.
            } else if (name.equals("iso-8859-1") || name.equals("windows-1252") || name.equals("iso-8859-15")) {
                return utf8 != null ? utf8 : new String(bytes, name.equals("iso-8859-15") ? declared : WINDOWS_1252);
            } else {
                String strict = strict(bytes, declared);
                if (strict != null) {
                    return strict;
                }
            }
        }
        return utf8 != null ? utf8 : new String(bytes, detect(bytes, label));
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The most likely single-byte charset of bytes that are no UTF-8; Windows-1252 when nothing better is found. */
    static Charset detect(byte[] bytes, String label) {
        CharsetDetector detector = new CharsetDetector();
        if (label != null) {
            detector.setDeclaredEncoding(label);
        }
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch m : matches) {
            String name = m.getName();
            if (name.equalsIgnoreCase("UTF-8") || name.startsWith("UTF-16") || name.startsWith("UTF-32") || !Charset.isSupported(name)) {
                continue;
            }
            if (name.equalsIgnoreCase("ISO-8859-1")) {
                return WINDOWS_1252;
            }
            Charset c = Charset.forName(name);
            if (strict(bytes, c) != null) {
                return c;
            }
        }
        return WINDOWS_1252;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String validUtf8(byte[] bytes) {
        return strict(bytes, StandardCharsets.UTF_8);
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
