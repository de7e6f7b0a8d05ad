package despatch.image;

import java.awt.Rectangle;

/**
 * The picture social networks show beside a shared link: 1200 × 630 (1.91:1), the size Facebook,
 * LinkedIn and X recommend. The photo covers it: cropped, never squeezed and never enlarged.
 */
final class SocialCard {
    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    /**
     * Of the rows cropped from a tall photo, this share comes off the top: faces and the subject of a
     * press photo sit above the middle more often than below it.
     */
    private static final double TOP_SHARE = 0.4;

    private SocialCard() {
    }

    /** The largest 1.91:1 region of a displayed image, centred horizontally and a little above centre vertically. */
    static Rectangle crop(int width, int height) {
        int cropWidth;
        int cropHeight;
        if ((long) width * HEIGHT > (long) height * WIDTH) {
            cropHeight = height;
            cropWidth = (int) Math.max(1, Math.min(width, Math.round((double) height * WIDTH / HEIGHT)));
        } else {
            cropWidth = width;
            cropHeight = (int) Math.max(1, Math.min(height, Math.round((double) width * HEIGHT / WIDTH)));
        }
        return new Rectangle((width - cropWidth) / 2, (int) Math.round((height - cropHeight) * TOP_SHARE), cropWidth, cropHeight);
    }

    static Size size(int width, int height) {
        Rectangle crop = crop(width, height);
        return crop.width >= WIDTH ? new Size(WIDTH, HEIGHT) : new Size(crop.width, crop.height);
    }
}
