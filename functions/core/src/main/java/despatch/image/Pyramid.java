package despatch.image;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoded image and its successive halvings, from which every rendition is scaled.
 *
 * <p>Scaling a photo straight from 4032 to 640 pixels with any interpolation Java2D has samples only
 * a few source pixels per output pixel and aliases (jagged edges, moiré). So the image is halved
 * while it stays at least the target's size, then scaled the last step (a factor between ½ and 1)
 * with bicubic interpolation. A bilinear halving samples exactly between four pixels, so each step is
 * a 2×2 box average, the classic filter for halving, which Java2D's native loops do in ~50 ms for 12
 * megapixels. The halvings are shared by all renditions and the card, and a level is dropped as soon
 * as nothing left needs it: when no rendition needs the full size, it is freed once halved.
 */
final class Pyramid {
    private final List<BufferedImage> levels = new ArrayList<>();
    private final int width;
    private final int height;
    private final boolean alpha;

    /** @param alpha whether renditions keep transparency (TYPE_INT_ARGB) or are opaque on white (TYPE_3BYTE_BGR) */
    Pyramid(BufferedImage source, boolean alpha) {
        this.levels.add(source);
        this.width = source.getWidth();
        this.height = source.getHeight();
        this.alpha = alpha;
    }

    /** How many halvings the region can take and still be at least the target's size. */
    int levelFor(Rectangle region, int targetWidth, int targetHeight) {
        int level = 0;
        while (region.width >> (level + 1) >= targetWidth && region.height >> (level + 1) >= targetHeight) {
            level++;
        }
        return level;
    }

    /** The source's region (in full-size pixels), scaled to the target size from the smallest level that allows it. */
    BufferedImage render(Rectangle region, int targetWidth, int targetHeight) {
        int level = levelFor(region, targetWidth, targetHeight);
        BufferedImage image = level(level);
        return scale(image, atLevel(region, image), targetWidth, targetHeight);
    }

    /** Frees the levels below this one, computing it first if need be: later renditions need no more. */
    void keepFrom(int level) {
        level(level);
        for (int i = 0; i < level; i++) {
            levels.set(i, null);
        }
    }

    private BufferedImage level(int level) {
        while (levels.size() <= level) {
            BufferedImage previous = levels.getLast();
            if (previous == null) {
                throw new IllegalStateException("level " + (levels.size() - 1) + " was already freed");
            }
            levels.add(scale(previous, new Rectangle(previous.getWidth(), previous.getHeight()),
                    Math.max(1, previous.getWidth() / 2), Math.max(1, previous.getHeight() / 2)));
        }
        BufferedImage image = levels.get(level);
        if (image == null) {
            throw new IllegalStateException("level " + level + " was already freed");
        }
        return image;
    }

    private Rectangle atLevel(Rectangle region, BufferedImage image) {
        double sx = (double) image.getWidth() / width;
        double sy = (double) image.getHeight() / height;
        int x = (int) Math.round(region.x * sx);
        int y = (int) Math.round(region.y * sy);
        int w = (int) Math.max(1, Math.min(Math.round(region.width * sx), image.getWidth() - x));
        int h = (int) Math.max(1, Math.min(Math.round(region.height * sy), image.getHeight() - y));
        return new Rectangle(x, y, w, h);
    }

    private BufferedImage scale(BufferedImage image, Rectangle region, int targetWidth, int targetHeight) {
        BufferedImage scaled = new BufferedImage(targetWidth, targetHeight, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        try {
            if (alpha) {
                g.setComposite(AlphaComposite.Src);
            } else {
                // An opaque rendition of a picture with transparent parts shows them on white, as a page would.
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, targetWidth, targetHeight);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation(region, targetWidth, targetHeight));
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, targetWidth, targetHeight, region.x, region.y, region.x + region.width, region.y + region.height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static Object interpolation(Rectangle region, int targetWidth, int targetHeight) {
        if (region.width == targetWidth && region.height == targetHeight) {
            return RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR; // a plain copy
        }
        if (region.width >= 2 * targetWidth && region.height >= 2 * targetHeight) {
            return RenderingHints.VALUE_INTERPOLATION_BILINEAR; // a halving: exactly a 2×2 box average
        }
        return RenderingHints.VALUE_INTERPOLATION_BICUBIC;
    }
}
