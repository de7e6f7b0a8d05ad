package despatch.image;

import java.nio.charset.StandardCharsets;

/**
 * Reads numbers and signatures out of an uploaded file's bytes. Every read is bounds-checked by the
 * caller or here: offsets come from the file, and the file may be hostile.
 */
final class Bytes {
    private Bytes() {
    }

    static boolean startsWith(byte[] bytes, int offset, byte... expected) {
        if (offset < 0 || bytes.length - offset < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithAscii(byte[] bytes, int offset, String expected) {
        return startsWith(bytes, offset, expected.getBytes(StandardCharsets.US_ASCII));
    }

    static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }

    static int u16be(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }

    static long u32be(byte[] bytes, int offset) {
        return (long) u16be(bytes, offset) << 16 | u16be(bytes, offset + 2);
    }

    static int u16le(byte[] bytes, int offset) {
        return bytes[offset] & 0xff | (bytes[offset + 1] & 0xff) << 8;
    }

    static long u32le(byte[] bytes, int offset) {
        return u16le(bytes, offset) | (long) u16le(bytes, offset + 2) << 16;
    }
}
