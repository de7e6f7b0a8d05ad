package despatch.image;

/**
 * Finds the orientation tag in an EXIF block (a TIFF structure), reading IFD0 only. Small and
 * bounded on purpose: every offset comes from the upload and is checked against the block before
 * use, and no other directory is followed, so a hostile block can neither read outside itself nor loop.
 */
final class ExifOrientation {
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int ENTRY_SIZE = 12;

    private ExifOrientation() {
    }

    /** @param offset where the TIFF header ("II*\0" or "MM\0*") starts in {@code bytes} */
    static Orientation read(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 8 || offset > bytes.length - length) {
            return Orientation.NORMAL;
        }
        boolean littleEndian;
        if (Bytes.startsWithAscii(bytes, offset, "II*\0")) {
            littleEndian = true;
        } else if (Bytes.startsWithAscii(bytes, offset, "MM\0*")) {
            littleEndian = false;
        } else {
            return Orientation.NORMAL;
        }
        long ifd = u32(bytes, offset + 4, littleEndian);
        if (ifd < 8 || ifd > length - 2) {
            return Orientation.NORMAL;
        }
        int entries = u16(bytes, offset + (int) ifd, littleEndian);
        int first = offset + (int) ifd + 2;
        int fitting = (offset + length - first) / ENTRY_SIZE;
        for (int i = 0; i < Math.min(entries, fitting); i++) {
            int entry = first + i * ENTRY_SIZE;
            if (u16(bytes, entry, littleEndian) == TAG_ORIENTATION && u16(bytes, entry + 2, littleEndian) == TYPE_SHORT) {
                // One SHORT fits in the entry's value field: it is there, never at an offset.
                return Orientation.ofExifValue(u16(bytes, entry + 8, littleEndian));
            }
        }
        return Orientation.NORMAL;
    }

    private static int u16(byte[] bytes, int offset, boolean littleEndian) {
        return littleEndian ? Bytes.u16le(bytes, offset) : Bytes.u16be(bytes, offset);
    }

    private static long u32(byte[] bytes, int offset, boolean littleEndian) {
        return littleEndian ? Bytes.u32le(bytes, offset) : Bytes.u32be(bytes, offset);
    }
}
