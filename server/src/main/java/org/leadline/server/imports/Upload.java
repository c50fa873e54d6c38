package org.leadline.server.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An uploaded CSV file in the data directory: streamed to disk with a size limit while its bytes
 * are checked for being valid UTF-8, so the encoding is known without a second pass.
 *
 * @param utf8Bom whether the file starts with the UTF-8 byte order mark
 * @param validUtf8 whether every byte sequence is valid UTF-8
 */
record Upload(Path file, long size, boolean utf8Bom, boolean validUtf8) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The body was larger than the limit; the partial file is already deleted. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    static Upload store(InputStream in, Path file, long maxBytes) throws IOException {
        Files.createDirectories(file.getParent());
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer pending = ByteBuffer.allocate(64 * 1024 + 8);
        CharBuffer chars = CharBuffer.allocate(64 * 1024 + 8);
        boolean valid = true;
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        byte[] head = new byte[3];
        int headLength = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge("The upload exceeds the limit of " + maxBytes + " bytes");
                }
                for (int i = 0; i < n && headLength < 3; i++) {
                    head[headLength++] = buffer[i];
                }
                out.write(buffer, 0, n);
                if (valid) {
                    valid = feed(utf8, pending, chars, buffer, n);
                }
            }
            if (valid) {
                pending.flip();
                CoderResult r = utf8.decode(pending, chars, true);
                valid = !r.isError() && !pending.hasRemaining();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        boolean bom = headLength == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        return new Upload(file, size, bom, valid);
    }

    private static boolean feed(CharsetDecoder decoder, ByteBuffer pending, CharBuffer chars, byte[] data, int length) {
        int offset = 0;
        while (offset < length) {
            int take = Math.min(pending.remaining(), length - offset);
            pending.put(data, offset, take);
            offset += take;
            pending.flip();
            while (true) {
                chars.clear();
                CoderResult r = decoder.decode(pending, chars, false);
                if (r.isError()) {
                    return false;
                }
                if (r.isUnderflow()) {
                    break;
                }
            }
            pending.compact();
        }
        return true;
    }

    /** The encoding: an explicit one, else UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
    Charset charset(Charset explicit) {
        if (explicit != null) {
            return explicit;
        }
        return utf8Bom || validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** A reader of the text, after the byte order mark. */
    Reader open(Charset charset) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (utf8Bom && charset.equals(StandardCharsets.UTF_8)) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
    }

    /**
     * The delimiter of the header line: whichever of {@code ;} and {@code ,} occurs more often
     * outside quotes (a comma on a tie or when neither occurs).
     */
    char sniffDelimiter(Charset charset) throws IOException {
        try (Reader r = open(charset)) {
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            for (int i = 0; i < 64 * 1024; i++) {
                int c = r.read();
                if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                    break;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
            }
            return semicolons > commas ? ';' : ',';
        }
    }
}
