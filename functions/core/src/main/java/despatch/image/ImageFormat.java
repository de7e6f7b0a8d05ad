package despatch.image;

import java.util.Optional;

/** The picture formats we publish from, recognised by their first bytes: a file's name and declared type can lie. */
public enum ImageFormat {
    JPEG, PNG, GIF, WEBP;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** By magic bytes only. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (Bytes.startsWith(bytes, 0, (byte) 0xff, (byte) 0xd8, (byte) 0xff)) {
            return Optional.of(JPEG);
        }
        if (Bytes.startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (Bytes.startsWithAscii(bytes, 0, "GIF87a") || Bytes.startsWithAscii(bytes, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (Bytes.startsWithAscii(bytes, 0, "RIFF") && Bytes.startsWithAscii(bytes, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** How a press officer knows this format, for reasons that name it. */
    String displayName() {
        return this == WEBP ? "WebP" : name();
    }
}
