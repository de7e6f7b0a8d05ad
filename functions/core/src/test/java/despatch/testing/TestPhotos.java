package despatch.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import despatch.image.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Photographs as a phone writes them, made in the test: a photograph-like JPEG with an Exif segment
 * holding the camera, the orientation and a GPS position (where the constituent stood), and PNGs.
 */
public final class TestPhotos {
    private TestPhotos() {
    }

    /** A photograph-like JPEG (gradients and grain) with Exif: camera, orientation 1 and a GPS position. */
    public static byte[] phoneJpeg(int width, int height) {
        return phoneJpeg(width, height, 1);
    }

    /** @param orientation the Exif orientation tag (6: the phone was held upright, the pixels lie on their side) */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        byte[] jpeg = TestImages.encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
        return TestImages.withSegments(jpeg, TestImages.exifSegment(orientation));
    }

    public static byte[] png(int width, int height) {
        return TestImages.encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** Whether the file still carries an Exif, XMP or GPS trace, or the camera's name. */
    public static boolean hasMetadata(byte[] image) {
        String text = new String(image, StandardCharsets.ISO_8859_1);
        return text.contains("Exif\0") || text.contains("http://ns.adobe.com/xap/") || text.contains(TestImages.CAMERA) || text.contains("eXIf");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(220, 180, 90)));
        g.fillRect(0, 0, width, height);
        // The top-left corner red: where it ends up shows which way the pixels were turned.
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 8), Math.max(1, height / 8));
        g.dispose();
        Random grain = new Random(width * 31L + height);
        for (int i = 0; i < width * height / 50; i++) {
            int x = grain.nextInt(width);
            int y = grain.nextInt(height);
            image.setRGB(x, y, image.getRGB(x, y) ^ 0x000F0F0F);
        }
        return image;
    }
}
