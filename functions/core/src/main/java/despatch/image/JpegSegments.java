package despatch.image;

/**
 * Walks a JPEG's marker segments up to the image data, for the orientation tag in its Exif APP1
 * segment. Browsers use the first Exif segment, so we do too; a segment whose length runs past the
 * file ends the walk, leaving the photo as stored.
 */
final class JpegSegments {
    private static final int APP1 = 0xe1;
    private static final int START_OF_SCAN = 0xda;
    private static final int END_OF_IMAGE = 0xd9;
    private static final int EXIF_HEADER = 6; // "Exif\0\0", then the TIFF structure

    private JpegSegments() {
    }

    static Orientation orientation(byte[] bytes) {
        int position = 2; // after SOI
        while (position + 4 <= bytes.length) {
            if ((bytes[position] & 0xff) != 0xff) {
                return Orientation.NORMAL; // not a marker: the decoder will report the damage
            }
            int marker = bytes[position + 1] & 0xff;
            if (marker == 0xff) {
                position++; // fill byte before a marker
                continue;
            }
            if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
                return Orientation.NORMAL;
            }
            if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd8) {
                position += 2; // markers without a length
                continue;
            }
            int length = Bytes.u16be(bytes, position + 2);
            if (length < 2 || length > bytes.length - position - 2) {
                return Orientation.NORMAL;
            }
            if (marker == APP1 && length >= 2 + EXIF_HEADER && Bytes.startsWithAscii(bytes, position + 4, "Exif\0\0")) {
                return ExifOrientation.read(bytes, position + 4 + EXIF_HEADER, length - 2 - EXIF_HEADER);
            }
            position += 2 + length;
        }
        return Orientation.NORMAL;
    }
}
