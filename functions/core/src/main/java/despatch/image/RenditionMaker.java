package despatch.image;

import java.awt.Rectangle;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Makes the renditions and the card from one decoded image. Each is scaled in the stored
 * orientation and colours, then turned upright and converted to sRGB: turning or converting a small
 * rendition costs little, doing it to the full-size photo would cost a second full-size copy (for a
 * 50-megapixel PNG with transparency, 200 MB more).
 */
final class RenditionMaker {
    private final Header header;
    private final Optional<ICC_Profile> profile;
    private final String extension;

    /** @param profile the colour profile the decoded pixels are still in, when the decoder did not convert them */
    RenditionMaker(Header header, Optional<ICC_Profile> profile) {
        this.header = header;
        this.profile = profile;
        this.extension = header.info().outputExtension();
    }

    /** @param pyramid holds the only reference to the decoded image, so freeing its levels frees the pixels */
    ProcessedImage make(Pyramid pyramid, List<Size> sizes, Size cardSize) {
        ImageInfo info = header.info();
        List<Job> jobs = new ArrayList<>();
        for (Size size : sizes) {
            jobs.add(job(pyramid, new Rectangle(info.width(), info.height()), size, false));
        }
        jobs.add(job(pyramid, SocialCard.crop(info.width(), info.height()), cardSize, true));
        // Jobs from the largest level first, so each level can be freed once the next one is made.
        jobs.sort(Comparator.comparingInt(Job::level));

        List<Rendition> renditions = new ArrayList<>();
        Rendition card = null;
        for (Job job : jobs) {
            pyramid.keepFrom(job.level());
            BufferedImage stored = pyramid.render(job.storedRegion(), job.storedWidth(), job.storedHeight());
            BufferedImage srgb = profile.map(iccProfile -> SrgbConversion.toSrgb(stored, iccProfile)).orElse(stored);
            Rendition rendition = Encoder.encode(header.orientation().apply(srgb), extension);
            if (job.card()) {
                card = rendition;
            } else {
                renditions.add(rendition);
            }
        }
        renditions.sort(Comparator.comparingInt(Rendition::width));
        return new ProcessedImage(renditions, card);
    }

    private Job job(Pyramid pyramid, Rectangle displayedRegion, Size size, boolean card) {
        Orientation orientation = header.orientation();
        Rectangle storedRegion = orientation.toStored(displayedRegion, header.storedWidth(), header.storedHeight());
        int storedWidth = orientation.swapsSides() ? size.height() : size.width();
        int storedHeight = orientation.swapsSides() ? size.width() : size.height();
        return new Job(storedRegion, storedWidth, storedHeight, pyramid.levelFor(storedRegion, storedWidth, storedHeight), card);
    }

    private record Job(Rectangle storedRegion, int storedWidth, int storedHeight, int level, boolean card) {
    }
}
