package despatch.image;

import static despatch.image.TestImages.BLUE;
import static despatch.image.TestImages.GREEN;
import static despatch.image.TestImages.RED;
import static despatch.image.TestImages.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Sizes, limits, damage, and each format's route from upload to renditions. The WebP files in
 * src/test/resources/despatch/image were made once by libwebp 1.2.4 (Debian's webp package) from
 * 160 × 120 quarters (red, green / blue, yellow) and an 80 × 60 picture whose right half is
 * transparent: {@code cwebp -q 80} (photo.webp, VP8), {@code cwebp -q 80 -alpha_q 100 -exact}
 * (alpha.webp, VP8X + ALPH), {@code cwebp -lossless} (lossless.webp, VP8L) and {@code gif2webp} of a
 * 60 × 40 red-then-green GIF (animated.webp, ANIM + ANMF).
 */
class ImagesTest {
    private static final List<Integer> WIDTHS = List.of(640, 1280);

    private static ImageInfo photo(int width, int height) {
        return new ImageInfo(ImageFormat.JPEG, width, height, false, "jpg");
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(ImageRejectedException.class, () -> Images.inspect(bytes)).getMessage();
    }

    private static String processingRefusal(byte[] bytes) throws ImageRejectedException {
        ImageInfo info = Images.inspect(bytes);
        return assertThrows(ImageRejectedException.class, () -> Images.process(bytes, info, WIDTHS)).getMessage();
    }

    private static List<Size> sizes(ProcessedImage processed) {
        return processed.renditions().stream().map(r -> new Size(r.width(), r.height())).toList();
    }

    @Test
    void planMakesTheWantedWidthsTheImageHasAndNeverEnlarges() {
        assertEquals(List.of(new Size(640, 480), new Size(1280, 960)), Images.plan(photo(4032, 3024), WIDTHS));
        assertEquals(List.of(new Size(640, 427), new Size(900, 600)), Images.plan(photo(900, 600), WIDTHS));
        assertEquals(List.of(new Size(300, 200)), Images.plan(photo(300, 200), WIDTHS));
        // A wanted width the image has exactly is made at that width, once.
        assertEquals(List.of(new Size(640, 480), new Size(1280, 960)), Images.plan(photo(1280, 960), WIDTHS));
        assertEquals(List.of(new Size(640, 480), new Size(1280, 960)), Images.plan(photo(4032, 3024), List.of(1280, 640, 1280)));
        assertEquals(List.of(new Size(640, 1), new Size(1280, 1)), Images.plan(photo(4000, 2), WIDTHS), "at least one pixel high");
        assertThrows(IllegalArgumentException.class, () -> Images.plan(photo(4032, 3024), List.of(0)));
    }

    @Test
    void theCardIs1200By630WhenTheSourceAllowsElseTheLargestCropAtItsOwnScale() {
        assertEquals(new Size(1200, 630), Images.cardSize(photo(4032, 3024)));
        assertEquals(new Size(1200, 630), Images.cardSize(photo(3024, 4032)));
        assertEquals(new Size(1200, 630), Images.cardSize(photo(1200, 630)));
        assertEquals(new Size(900, 473), Images.cardSize(photo(900, 600)));
        assertEquals(new Size(1143, 600), Images.cardSize(photo(3000, 600)), "a panorama: its full height");
        assertEquals(new Size(1, 1), Images.cardSize(photo(1, 1)));
    }

    @Test
    void theCardIsCentredAcrossAndCutALittleAboveTheMiddle() {
        assertEquals(new Rectangle(0, 236, 400, 210), SocialCard.crop(400, 800), "40% of the 590 rows cut come off the top");
        assertEquals(new Rectangle(1008, 0, 2015, 1058), SocialCard.crop(4032, 1058), "a panorama: centred across");
        assertEquals(new Rectangle(0, 363, 4032, 2117), SocialCard.crop(4032, 3024));
    }

    @Test
    void aTwelveMegapixelPhoneJpegBecomesTwoRenditionsAndAnExactCard() throws Exception {
        BufferedImage photo = new BufferedImage(4032, 3024, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, RED, 4032, 3024, BLUE));
        g.fillRect(0, 0, 4032, 3024);
        g.dispose();
        byte[] jpeg = TestImages.withSegments(TestImages.encode(photo, "jpeg"), TestImages.exifSegment(1));
        ImageInfo info = Images.inspect(jpeg);
        assertEquals(new ImageInfo(ImageFormat.JPEG, 4032, 3024, false, "jpg"), info);

        ProcessedImage processed = Images.process(jpeg, info, WIDTHS);
        assertEquals(List.of(new Size(640, 480), new Size(1280, 960)), sizes(processed));
        assertEquals(new Size(1200, 630), new Size(processed.card().width(), processed.card().height()));
        BufferedImage card = TestImages.decode(processed.card().bytes());
        assertEquals(1200, card.getWidth());
        assertEquals(630, card.getHeight());
        for (Rendition rendition : processed.renditions()) {
            BufferedImage decoded = TestImages.decode(rendition.bytes());
            assertEquals(rendition.width(), decoded.getWidth());
            assertEquals(rendition.height(), decoded.getHeight());
        }
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAtOnce() {
        byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);
        String reason = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refusal(bomb));
        assertEquals("This image is 100000 × 100000 pixels (10000000000.0 megapixels) and the most we take is 50 megapixels and 16384"
                .replace("10000000000.0", "10000.0") + " pixels on a side: resize it to about 4000 pixels wide and upload it again.", reason);
    }

    @Test
    void tooWideOrTooManyPixelsIsRefusedWithTheNumbers() {
        assertTrue(refusal(TestImages.pngHeaderOnly(20_000, 10)).startsWith("This image is 20000 × 10 pixels (0.2 megapixels)"));
        assertTrue(refusal(TestImages.pngHeaderOnly(10_000, 6_000)).startsWith("This image is 10000 × 6000 pixels (60.0 megapixels)"));
        assertTrue(refusal(TestImages.pngHeaderOnly(0, 600)).contains("damaged"));

        byte[] jpeg = TestImages.encode(noise(64, 48), "jpeg");
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) { // SOF0: length, precision, height, width
                jpeg[i + 5] = jpeg[i + 7] = (byte) 0xfd;
                jpeg[i + 6] = jpeg[i + 8] = (byte) 0xe8;
                break;
            }
        }
        assertTrue(refusal(jpeg).startsWith("This image is 65000 × 65000 pixels"), refusal(jpeg));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithItsSize() {
        byte[] huge = new byte[Images.MAX_BYTES + 1024 * 1024];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        assertEquals("This image is 21.0 MB and the most we take is 20 MB: export it again as a JPEG about 4000 pixels wide"
                + " (usually 2 to 5 MB) and upload that.", refusal(huge));
    }

    @Test
    void aTruncatedJpegIsRefusedWhenItsPixelsAreDecoded() throws Exception {
        byte[] whole = TestImages.encode(noise(320, 240), "jpeg");
        byte[] truncated = Arrays.copyOf(whole, whole.length * 6 / 10);
        assertEquals(new ImageInfo(ImageFormat.JPEG, 320, 240, false, "jpg"), Images.inspect(truncated), "its header is whole");
        assertEquals("This image is incomplete: its data ends before the picture does, as when an upload or a copy is cut short."
                + " Upload it again, or export a fresh copy from the original.", processingRefusal(truncated));
    }

    @Test
    void aTruncatedOrCorruptPngIsRefused() throws Exception {
        byte[] whole = TestImages.encode(noise(320, 240), "png");
        assertTrue(processingRefusal(Arrays.copyOf(whole, whole.length / 2)).startsWith("This image is "));
        byte[] corrupt = whole.clone();
        Arrays.fill(corrupt, 60, 400, (byte) 0x55);
        assertTrue(processingRefusal(corrupt).startsWith("This image is damaged and its pixels cannot be decoded"));
    }

    @Test
    void truncatedGifsAndWebpsAreRefused() throws Exception {
        byte[] gif = TestImages.encode(noise(320, 240), "gif");
        assertTrue(processingRefusal(Arrays.copyOf(gif, gif.length * 6 / 10)).startsWith("This image is "));
        byte[] webp = TestImages.resource("photo.webp");
        assertTrue(processingRefusal(Arrays.copyOf(webp, webp.length - 60)).startsWith("This image is "));
    }

    @Test
    void anAnimatedPngSaysSo() throws Exception {
        byte[] png = TestImages.encode(noise(32, 24), "png");
        byte[] apng = TestImages.withChunks(png, TestImages.chunk("acTL", new byte[] {0, 0, 0, 2, 0, 0, 0, 0}));
        assertEquals(new ImageInfo(ImageFormat.PNG, 32, 24, true, "jpg"), Images.inspect(apng));
        assertEquals(1, Images.process(apng, Images.inspect(apng), WIDTHS).renditions().size(), "its default image, as the first frame");
    }

    @Test
    void aDamagedHeaderIsRefusedAsDamaged() {
        byte[] png = TestImages.encode(noise(32, 32), "png");
        String reason = refusal(Arrays.copyOf(png, 20));
        assertEquals("This file starts like a PNG image but its header cannot be read, so it is damaged: export a fresh copy"
                + " from the original and upload that.", reason);
    }

    @Test
    void infoFromOtherBytesIsAProgrammingError() throws Exception {
        byte[] png = TestImages.encode(noise(32, 32), "png");
        assertThrows(IllegalArgumentException.class, () -> Images.process(png, photo(32, 32), WIDTHS));
    }

    @Test
    void anAnimatedGifPublishesItsFirstFrame() throws Exception {
        byte[] gif = animatedGif(RED, GREEN, BLUE);
        ImageInfo info = Images.inspect(gif);
        assertEquals(new ImageInfo(ImageFormat.GIF, 60, 40, true, "jpg"), info);
        ProcessedImage processed = Images.process(gif, info, WIDTHS);
        assertEquals(List.of(new Size(60, 40)), sizes(processed));
        assertTrue(TestImages.near(TestImages.decode(processed.renditions().getFirst().bytes()).getRGB(30, 20), RED, 12));
        assertEquals(new ImageInfo(ImageFormat.GIF, 60, 40, false, "jpg"), Images.inspect(animatedGif(RED)));
    }

    @Test
    void aGifWithATransparentColourBecomesAPng() throws Exception {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 220, 0}, new byte[] {30, 0}, new byte[] {30, 0}, 1);
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED, palette);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        image.getRaster().setSamples(20, 0, 20, 20, 0, new int[400]);
        for (int y = 0; y < 20; y++) {
            for (int x = 20; x < 40; x++) {
                image.getRaster().setSample(x, y, 0, 1);
            }
        }
        byte[] gif = TestImages.encode(image, "gif");
        ImageInfo info = Images.inspect(gif);
        assertEquals(new ImageInfo(ImageFormat.GIF, 40, 20, false, "png"), info);
        BufferedImage out = TestImages.decode(Images.process(gif, info, WIDTHS).renditions().getFirst().bytes());
        assertEquals(255, out.getRGB(5, 10) >>> 24);
        assertEquals(0, out.getRGB(35, 10) >>> 24);
    }

    @Test
    void anOpaquePngBecomesJpegsAndASixteenBitOneIsReadRight() throws Exception {
        ComponentColorModel sixteenBits = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage deep = new BufferedImage(sixteenBits, sixteenBits.createCompatibleWritableRaster(64, 48), false, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                deep.getRaster().setPixel(x, y, new int[] {200 * 257, 100 * 257, 50 * 257});
            }
        }
        byte[] png = TestImages.encode(deep, "png");
        ImageInfo info = Images.inspect(png);
        assertEquals(new ImageInfo(ImageFormat.PNG, 64, 48, false, "jpg"), info);
        Rendition out = Images.process(png, info, WIDTHS).renditions().getFirst();
        assertEquals("image/jpeg", out.contentType());
        assertTrue(TestImages.near(TestImages.decode(out.bytes()).getRGB(32, 24), new Color(200, 100, 50), 4));
    }

    @Test
    void aSixteenBitGreyPngKeepsItsTone() throws Exception {
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                grey.getRaster().setSample(x, y, 0, 100 * 257);
            }
        }
        byte[] png = TestImages.encode(grey, "png");
        ImageInfo info = Images.inspect(png);
        Rendition out = Images.process(png, info, WIDTHS).renditions().getFirst();
        Color shown = new Color(TestImages.decode(out.bytes()).getRGB(32, 24));
        assertTrue(TestImages.near(shown.getRGB(), new Color(100, 100, 100), 3), "not lightened by a linear-grey conversion: " + shown);
    }

    @Test
    void aCmykJpegIsReadByTwelveMonkeysWhenTheJdkCannot() throws Exception {
        java.awt.image.WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                cmyk.setPixel(x, y, new int[] {0, 255, 255, 255}); // full cyan, inverted as Adobe's CMYK JPEGs store it
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        ImageInfo info = Images.inspect(jpeg);
        assertEquals(new ImageInfo(ImageFormat.JPEG, 64, 48, false, "jpg"), info);
        Color shown = new Color(TestImages.decode(Images.process(jpeg, info, WIDTHS).renditions().getFirst().bytes()).getRGB(32, 24));
        assertTrue(shown.getBlue() > 150 && shown.getGreen() > 100 && shown.getRed() < 100, "cyan-ish: " + shown);
    }

    @Test
    void aLossyWebpIsDecodedAndScaled() throws Exception {
        byte[] webp = TestImages.resource("photo.webp");
        ImageInfo info = Images.inspect(webp);
        assertEquals(new ImageInfo(ImageFormat.WEBP, 160, 120, false, "jpg"), info);
        ProcessedImage processed = Images.process(webp, info, List.of(80, 640));
        assertEquals(List.of(new Size(80, 60), new Size(160, 120)), sizes(processed));
        assertEquals(new Size(160, 84), new Size(processed.card().width(), processed.card().height()));
        BufferedImage large = TestImages.decode(processed.renditions().getLast().bytes());
        assertTrue(TestImages.near(large.getRGB(20, 15), RED, 16), new Color(large.getRGB(20, 15)).toString());
        assertTrue(TestImages.near(large.getRGB(140, 15), GREEN, 16), new Color(large.getRGB(140, 15)).toString());
        assertTrue(TestImages.near(large.getRGB(20, 105), BLUE, 16), new Color(large.getRGB(20, 105)).toString());
        assertTrue(TestImages.near(large.getRGB(140, 105), YELLOW, 16), new Color(large.getRGB(140, 105)).toString());
    }

    @Test
    void aWebpWithTransparencyBecomesPngsThatKeepIt() throws Exception {
        byte[] webp = TestImages.resource("alpha.webp");
        ImageInfo info = Images.inspect(webp);
        assertEquals(new ImageInfo(ImageFormat.WEBP, 80, 60, false, "png"), info);
        Rendition out = Images.process(webp, info, WIDTHS).renditions().getFirst();
        assertEquals("png", out.extension());
        BufferedImage decoded = TestImages.decode(out.bytes());
        assertEquals(255, decoded.getRGB(10, 30) >>> 24);
        assertTrue(TestImages.near(decoded.getRGB(10, 30), BLUE, 16));
        assertEquals(0, decoded.getRGB(70, 30) >>> 24);
    }

    @Test
    void aLosslessAndAnAnimatedWebpAreReadToo() throws Exception {
        byte[] lossless = TestImages.resource("lossless.webp");
        ImageInfo info = Images.inspect(lossless);
        assertEquals(new ImageInfo(ImageFormat.WEBP, 160, 120, false, "jpg"), info);
        assertTrue(TestImages.near(TestImages.decode(Images.process(lossless, info, WIDTHS).renditions().getFirst().bytes())
                .getRGB(140, 105), YELLOW, 8));

        byte[] animated = TestImages.resource("animated.webp");
        ImageInfo animatedInfo = Images.inspect(animated);
        assertEquals(new ImageInfo(ImageFormat.WEBP, 60, 40, true, "jpg"), animatedInfo);
        BufferedImage first = TestImages.decode(Images.process(animated, animatedInfo, WIDTHS).renditions().getFirst().bytes());
        assertTrue(TestImages.near(first.getRGB(30, 20), RED, 12), new Color(first.getRGB(30, 20)).toString());
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] animatedGif(Color... frames) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (Color colour : frames) {
                BufferedImage frame = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(colour);
                g.fillRect(0, 0, 60, 40);
                g.dispose();
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
