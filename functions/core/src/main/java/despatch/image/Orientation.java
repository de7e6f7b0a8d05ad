package despatch.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation tag: how the stored pixels must be turned to show the photo upright. Phones
 * store a portrait photo sideways and set this tag; once we strip metadata the tag is gone, so the
 * turn must be in the pixels. Constants are in tag order (1 to 8).
 */
enum Orientation {
    NORMAL, FLIP_HORIZONTAL, ROTATE_180, FLIP_VERTICAL, TRANSPOSE, ROTATE_90, TRANSVERSE, ROTATE_270;

    /** Values outside 1 to 8 are ignored, as browsers ignore them. */
    static Orientation ofExifValue(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    boolean swapsSides() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    int displayedWidth(int storedWidth, int storedHeight) {
        return swapsSides() ? storedHeight : storedWidth;
    }

    int displayedHeight(int storedWidth, int storedHeight) {
        return swapsSides() ? storedWidth : storedHeight;
    }

    /** The part of the stored image that shows as {@code displayed}. */
    Rectangle toStored(Rectangle displayed, int storedWidth, int storedHeight) {
        try {
            return storedToDisplayed(storedWidth, storedHeight).createInverse().createTransformedShape(displayed).getBounds();
        } catch (NoninvertibleTransformException e) {
            throw new AssertionError("every orientation is a turn or a mirror", e);
        }
    }

    /** A new image, upright; the same one when there is nothing to turn. */
    BufferedImage apply(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int width = stored.getWidth();
        int height = stored.getHeight();
        BufferedImage upright = new BufferedImage(displayedWidth(width, height), displayedHeight(width, height), stored.getType());
        Graphics2D g = upright.createGraphics();
        try {
            // Quarter turns and mirrors map pixel centres onto pixel centres: nearest neighbour copies them exactly.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setComposite(AlphaComposite.Src);
            g.drawImage(stored, storedToDisplayed(width, height), null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    private AffineTransform storedToDisplayed(int w, int h) {
        // new AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case FLIP_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case FLIP_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, h);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
            case ROTATE_270 -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    }
}
