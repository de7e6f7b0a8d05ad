package despatch.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;

/**
 * Decodes an image's first frame, once. The JPEG and WebP readers convert an embedded colour
 * profile (a phone's Display P3) to sRGB themselves; the JDK's PNG reader ignores a PNG's, which
 * {@link RenditionMaker} converts on the renditions. A file whose pixels stop early is refused
 * rather than published with a grey band: decoders only warn about that, so their warnings are read.
 */
final class Decoder {
    private Decoder() {
    }

    static BufferedImage decode(byte[] bytes, ImageFormat format) throws ImageRejectedException {
        return standardLayout(read(bytes, format));
    }

    private static BufferedImage read(byte[] bytes, ImageFormat format) throws ImageRejectedException {
        if (format == ImageFormat.JPEG) {
            try {
                return read(bytes, Codecs.jdkJpegReader());
            } catch (UndecodableException e) {
                // CMYK or YCCK, or damage that TwelveMonkeys' more forgiving reader may get past: it tries next.
            }
        }
        try {
            return read(bytes, Codecs.reader(format));
        } catch (UndecodableException e) {
            throw new ImageRejectedException("This image is damaged and its pixels cannot be decoded: export a fresh copy"
                    + " from the original (or open it and save it again) and upload that.");
        }
    }

    private static BufferedImage read(byte[] bytes, ImageReader reader) throws ImageRejectedException, UndecodableException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(input);
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            // Decoders throw all sorts for bad data (IIOException, EOFException, ArrayIndexOutOfBoundsException…).
            throw new UndecodableException();
        } finally {
            reader.dispose();
        }
        if (warnings.stream().anyMatch(Decoder::meansIncomplete)) {
            throw new ImageRejectedException("This image is incomplete: its data ends before the picture does, as when an upload"
                    + " or a copy is cut short. Upload it again, or export a fresh copy from the original.");
        }
        return image;
    }

    /**
     * libjpeg's "Premature end of JPEG file" and TwelveMonkeys' "premature end of data segment" and
     * "Truncated File - Missing EOI marker": the rest of the picture would be grey. Other warnings
     * ("extraneous bytes before marker") are common in good photos and leave the picture whole.
     */
    private static boolean meansIncomplete(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncated");
    }

    /**
     * The layouts Java2D scales quickly and that hold 8-bit sRGB (or grey) samples are kept as they
     * are; anything else (16-bit PNGs, grey with alpha, pixels a reader left in their profile's colour
     * space) becomes TYPE_3BYTE_BGR, or TYPE_INT_ARGB when it has alpha, so later steps never take
     * Java2D's slow generic path.
     */
    static BufferedImage standardLayout(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        boolean srgbOrGrey = space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY;
        boolean quickLayout = switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR,
                 BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED -> true;
            default -> false;
        };
        if (quickLayout && srgbOrGrey) {
            return image;
        }
        BufferedImage standard = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        if (srgbOrGrey) {
            Graphics2D g = standard.createGraphics();
            try {
                g.setComposite(AlphaComposite.Src);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        } else {
            new ColorConvertOp(null).filter(image, standard);
        }
        return standard;
    }

    /** A reader gave up on the pixels; another may not. */
    private static final class UndecodableException extends Exception {
        UndecodableException() {
            super(null, null, false, false);
        }
    }
}
