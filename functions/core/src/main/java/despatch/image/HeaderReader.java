package despatch.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageReader;

/**
 * Reads what {@link Images#inspect} reports without decoding a pixel, and refuses what we will not
 * decode: the limits are checked on the header's numbers, so a small file claiming a huge image (a
 * decompression bomb) is refused before anything is allocated for it.
 */
final class HeaderReader {
    private static final double MB = 1024 * 1024;

    private HeaderReader() {
    }

    static Header read(byte[] bytes) throws ImageRejectedException {
        if (bytes.length == 0) {
            throw new ImageRejectedException("This file is empty: choose the photo again and upload it.");
        }
        if (bytes.length > Images.MAX_BYTES) {
            throw new ImageRejectedException(String.format(Locale.ROOT,
                    "This image is %.1f MB and the most we take is %d MB: export it again as a JPEG about 4000 pixels wide"
                            + " (usually 2 to 5 MB) and upload that.", bytes.length / MB, Images.MAX_BYTES / 1024 / 1024));
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new ImageRejectedException(
                ForeignFormat.sniff(bytes).map(ForeignFormat::reason).orElseGet(ForeignFormat::unknownReason)));
        ImageReader reader = Codecs.reader(format);
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(input);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(width, height);
            return switch (format) {
                case JPEG -> new Header(format, width, height, JpegSegments.orientation(bytes), false, false, null);
                case PNG -> {
                    PngHeader png = PngHeader.read(bytes);
                    yield new Header(format, width, height, png.orientation(), png.animated(), png.alpha(), png);
                }
                // GIF has no EXIF; a WebP's EXIF orientation is rare (encoders apply it) and browsers differ on it: kept as stored.
                case GIF -> new Header(format, width, height, Orientation.NORMAL, hasSecondGifFrame(reader), hasAlpha(reader), null);
                case WEBP -> new Header(format, width, height, Orientation.NORMAL, reader.getNumImages(true) > 1, hasAlpha(reader), null);
            };
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException("This file starts like a " + format.displayName() + " image but its header cannot be read,"
                    + " so it is damaged: export a fresh copy from the original and upload that.");
        } finally {
            reader.dispose();
        }
    }

    private static void checkSize(int width, int height) throws ImageRejectedException {
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException("This image has no pixels (its header says " + width + " × " + height
                    + "), so it is damaged: export a fresh copy from the original and upload that.");
        }
        long pixels = (long) width * height;
        if (width > Images.MAX_SIDE || height > Images.MAX_SIDE || pixels > Images.MAX_PIXELS) {
            throw new ImageRejectedException(String.format(Locale.ROOT,
                    "This image is %d × %d pixels (%.1f megapixels) and the most we take is %d megapixels and %d pixels on a side:"
                            + " resize it to about 4000 pixels wide and upload it again.",
                    width, height, pixels / 1e6, Images.MAX_PIXELS / 1_000_000, Images.MAX_SIDE));
        }
    }

    /** The type the reader would decode to says whether the first frame has transparency, from its header alone. */
    private static boolean hasAlpha(ImageReader reader) throws IOException {
        return reader.getRawImageType(0).getColorModel().hasAlpha();
    }

    /**
     * GIF has no frame count in its header; locating a second frame skips the first one's data
     * without decoding it. A damaged remainder counts as no second frame: only the first is published.
     */
    private static boolean hasSecondGifFrame(ImageReader reader) {
        try {
            reader.getWidth(1);
            return true;
        } catch (IndexOutOfBoundsException | IOException e) {
            return false;
        }
    }
}
