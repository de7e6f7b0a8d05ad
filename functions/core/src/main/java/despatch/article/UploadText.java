package despatch.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into article text, or says plainly why it cannot. Offices paste from word
 * processors, so the usual accidents (a .docx renamed .txt, Windows-1252 text, a UTF-16 file
 * from Notepad) get a message that names the fix.
 */
public final class UploadText {
    /** Far above any real article (2,000 words is ~13 KB) and small enough to read in one go. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** A Word document carries its formatting (and photographs) beside the text: read up to this, its text still held to {@link #MAX_BYTES}. */
    public static final int MAX_DOCX_BYTES = 20 * 1024 * 1024;

    /** How much of an upload of this name is read: a Word document may be larger than a text file. */
    public static int maxBytes(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).endsWith(".docx") ? MAX_DOCX_BYTES : MAX_BYTES;
    }

    private static final String SAVE_AS_TEXT = "Save it as plain text (.txt, UTF-8) or Markdown (.md) and upload that.";

    private UploadText() {
    }

    public static String decode(byte[] bytes) throws ArticleRejectedException {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(bytes.length);
        }
        String known = knownBinaryFormat(bytes);
        if (known != null) {
            throw new ArticleRejectedException(new Problem("file", "This is " + known + ", not text. " + SAVE_AS_TEXT));
        }
        String text = charactersOf(bytes);
        text = text.replace("\r\n", "\n").replace('\r', '\n')
                // Word writes manual line breaks and page breaks as VT and FF.
                .replace('\u000B', '\n').replace('\f', '\n');
        checkNoControlCharacters(text);
        if (text.isBlank()) {
            throw new ArticleRejectedException(new Problem("file",
                    "The file is empty. Upload the article as Markdown (.md) or plain text (.txt)."));
        }
        return text;
    }

    public static ArticleRejectedException tooLarge(long size) {
        return new ArticleRejectedException(new Problem("file", "The file is " + size
                + " bytes; the limit is " + MAX_BYTES + " bytes (1 MiB). An article is text only: "
                + "link to images and documents instead of pasting them in."));
    }

    private static String charactersOf(byte[] bytes) throws ArticleRejectedException {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ArticleRejectedException(new Problem("file",
                        "The file contains binary data (a zero byte at offset " + i + "). " + SAVE_AS_TEXT));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidOffset(bytes, start);
            throw new ArticleRejectedException(new Problem("file", "The file is not valid UTF-8 (first bad byte at offset "
                    + offset + ", line " + lineOf(bytes, offset) + "). It was probably saved as Windows-1252 or Latin-1. "
                    + "Save it again as UTF-8: in Word, File > Save As > Plain Text, then choose Unicode (UTF-8)."));
        }
    }

    private static int firstInvalidOffset(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void checkNoControlCharacters(String text) throws ArticleRejectedException {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new ArticleRejectedException(new Problem("line " + line, String.format(
                        "The text contains an invisible control character (U+%04X). " + SAVE_AS_TEXT, (int) c)));
            }
        }
    }

    private static String knownBinaryFormat(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "a Word (.docx), OpenDocument or other zipped document";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old-style Word (.doc) document";
        }
        if (startsWith(b, '{', '\\', 'r', 't', 'f')) {
            return "a Rich Text (.rtf) document";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 0xFF, 0xD8, 0xFF) || startsWith(b, 'G', 'I', 'F', '8')) {
            return "an image";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
