package despatch.image;

import java.awt.color.ICC_Profile;
import java.util.List;
import java.util.Optional;

/**
 * Checks and prepares a photograph for publishing: what a press officer uploads (a 12-megapixel
 * phone JPEG, a PNG out of a Word document, now and then a WebP or GIF) becomes a few small
 * renditions and a social card that are safe to put on a public site.
 *
 * <p>Why each choice:
 * <ul>
 * <li><b>Format by content.</b> Names and declared types lie (an iPhone's HEIC renamed .jpg); the
 *     first bytes do not. What we refuse is named (HEIC, PDF, Word…) so the refusal can say how to fix it.</li>
 * <li><b>Limits on the header's numbers.</b> 20 MB, 16384 pixels a side and 50 megapixels (150 MB
 *     decoded) are checked before decoding: a small file can claim a huge image, and decoding it would
 *     exhaust a Lambda's heap for everyone.</li>
 * <li><b>No metadata out.</b> Phone photos carry GPS positions (a press officer's home, a
 *     constituent's address), camera serials and editing history; the renditions are written from
 *     pixels alone, so none of it can leak. Before the colour profile goes, the pixels are converted
 *     to sRGB, which is what browsers assume without one.</li>
 * <li><b>Orientation in the pixels.</b> Phones store portrait photos sideways with an EXIF tag to
 *     turn them; without the tag they would appear sideways.</li>
 * <li><b>Own resampling, no Thumbnailator.</b> Box-filtered halvings then one bicubic step (see
 *     {@link Pyramid}). Thumbnailator's default for reductions past 2× is progressive bilinear: the
 *     same halvings with a softer bilinear last step (and plain bilinear below 2×); it would be one
 *     more library to keep current for a slightly blurrier result.</li>
 * <li><b>JPEG unless there is transparency.</b> Photos are opaque and JPEG is a fraction of PNG's size
 *     for them; PNG only when the header says the image may have transparent parts.</li>
 * <li><b>Memory.</b> The file is decoded once, into 3 bytes a pixel when opaque; the full-size
 *     image is freed after its first halving, and orientation and a PNG's colour profile are applied
 *     to the small outputs. A 12-megapixel phone photo is processed in a 64 MB heap (ImageBenchMain).</li>
 * </ul>
 */
public final class Images {
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_SIDE = 16_384;
    public static final long MAX_PIXELS = 50_000_000L;

    private Images() {
    }

    /** Reads the header only (no pixel decoding): format by content, dimensions, orientation, animation, alpha. Checks limits. */
    public static ImageInfo inspect(byte[] bytes) throws ImageRejectedException {
        return HeaderReader.read(bytes).info();
    }

    /**
     * The renditions' sizes for the wanted widths: each wanted width up to the image's width, plus the
     * image's own width once if it is below the largest wanted width; never wider than the source;
     * heights rounded, at least 1. Sorted ascending by width; {@link #process} makes exactly these.
     */
    public static List<Size> plan(ImageInfo info, List<Integer> widths) {
        return RenditionPlan.plan(info.width(), info.height(), widths);
    }

    /** The social card's size: 1200×630 when the source allows, else the largest 1.91:1 crop at source scale. */
    public static Size cardSize(ImageInfo info) {
        return SocialCard.size(info.width(), info.height());
    }

    /**
     * Decodes once (first frame of an animation), applies orientation, converts to sRGB, and encodes
     * {@code plan(info, widths)} and the card. Output carries no metadata at all. Rejects an image whose
     * pixels cannot be decoded (truncated, corrupt) with a reason.
     *
     * @param info what {@link #inspect} returned for these bytes; the header is read again (it costs
     *     microseconds) so the limits hold whatever is passed
     */
    public static ProcessedImage process(byte[] bytes, ImageInfo info, List<Integer> widths) throws ImageRejectedException {
        Header header = HeaderReader.read(bytes);
        if (!header.info().equals(info)) {
            throw new IllegalArgumentException("info " + info + " is not what inspect reads from these bytes (" + header.info() + ")");
        }
        List<Size> sizes = plan(info, widths);
        Optional<ICC_Profile> profile = header.png() == null ? Optional.empty() : header.png().iccProfile(bytes);
        // The pyramid holds the only reference to the decoded pixels, so it can free them early.
        Pyramid pyramid = new Pyramid(Decoder.decode(bytes, header.format()), header.alpha());
        return new RenditionMaker(header, profile).make(pyramid, sizes, cardSize(info));
    }
}
