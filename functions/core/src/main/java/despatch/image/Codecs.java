package despatch.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The reader for each format, chosen by name rather than by ImageIO's guess from the content, so the
 * format we sniffed is the one decoded. The TwelveMonkeys plugins are registered here explicitly:
 * ImageIO finds plugins through the context class loader when it first starts, which in a Lambda
 * runtime or a shaded jar is not guaranteed to see them.
 */
final class Codecs {
    private static final ImageReaderSpi TWELVEMONKEYS_JPEG = twelveMonkeysJpeg();
    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();
    private static final ImageReaderSpi JDK_JPEG = jdkJpeg();

    private Codecs() {
    }

    /** A new reader: readers keep state, so each decode gets its own. */
    static ImageReader reader(ImageFormat format) {
        try {
            return switch (format) {
                case JPEG -> TWELVEMONKEYS_JPEG.createReaderInstance();
                case WEBP -> WEBP.createReaderInstance();
                case PNG -> first(ImageIO.getImageReadersByFormatName("png"), "PNG reader");
                case GIF -> first(ImageIO.getImageReadersByFormatName("gif"), "GIF reader");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JDK's own JPEG reader, for the pixels of everyday JPEGs: it converts an embedded colour
     * profile to sRGB three times faster than TwelveMonkeys' reader (about 120 ms against 370 ms for a
     * 12-megapixel Display P3 photo), which is kept for what the JDK's cannot read (CMYK, YCCK, some damage).
     */
    static ImageReader jdkJpegReader() {
        try {
            return JDK_JPEG.createReaderInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageWriter writer(String extension) {
        return first(ImageIO.getImageWritersByFormatName(extension.equals("png") ? "png" : "jpeg"), extension + " writer");
    }

    /** TwelveMonkeys' JPEG reader wraps the JDK's, which it finds when registered; registering twice is harmless. */
    private static ImageReaderSpi twelveMonkeysJpeg() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        if (registry.getServiceProviderByClass(JPEGImageReaderSpi.class) == null) {
            registry.registerServiceProvider(new JPEGImageReaderSpi(), ImageReaderSpi.class);
        }
        JPEGImageReaderSpi registered = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
        if (registered == null) {
            throw new IllegalStateException("TwelveMonkeys' JPEG reader did not register: the JDK's own JPEG reader is missing");
        }
        return registered;
    }

    /** The JDK's class is not exported, so it is found by name. */
    private static ImageReaderSpi jdkJpeg() {
        Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            if (provider.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")) {
                return provider;
            }
        }
        throw new IllegalStateException("this JDK has no JPEG reader of its own");
    }

    private static <T> T first(Iterator<T> candidates, String what) {
        if (!candidates.hasNext()) {
            throw new IllegalStateException("this JDK has no " + what);
        }
        return candidates.next();
    }
}
