package despatch.image;

import static despatch.image.TestImages.BLUE;
import static despatch.image.TestImages.GREEN;
import static despatch.image.TestImages.RED;
import static despatch.image.TestImages.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What phones put in a photo besides pixels: the orientation is applied to the pixels, the colour
 * profile converted to sRGB, and everything else (GPS, camera, XMP, IPTC, comments, the profile
 * itself) is gone from every output.
 */
class ImageMetadataTest {
    private static final List<Integer> WIDTHS = List.of(100, 200);

    /** A 400 × 300 landscape capture of a portrait photo, as a phone held upright stores it, with everything phones add. */
    private static byte[] portraitPhoneJpeg() {
        byte[] jpeg = TestImages.encode(TestImages.quarters(400, 300, BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        return TestImages.withSegments(jpeg, TestImages.exifSegment(6), TestImages.xmpSegment(), TestImages.iptcSegment(),
                TestImages.commentSegment(), TestImages.iccSegment(ICC_Profile.getInstance(ColorSpace.CS_sRGB)));
    }

    private static List<Rendition> outputs(ProcessedImage processed) {
        List<Rendition> all = new ArrayList<>(processed.renditions());
        all.add(processed.card());
        return all;
    }

    /** The colours at a picture's four corners, clockwise from the top left. */
    private static List<Color> corners(BufferedImage image) {
        int right = image.getWidth() - 2;
        int bottom = image.getHeight() - 2;
        return List.of(new Color(image.getRGB(1, 1)), new Color(image.getRGB(right, 1)), new Color(image.getRGB(right, bottom)),
                new Color(image.getRGB(1, bottom)));
    }

    private static void assertCorners(List<Color> expected, BufferedImage image, String what) {
        List<Color> actual = corners(image);
        for (int i = 0; i < 4; i++) {
            int argb = actual.get(i).getRGB();
            assertTrue(TestImages.near(argb, expected.get(i), 24), what + ": corner " + i + " is " + actual.get(i) + ", expected " + expected.get(i));
        }
    }

    @Test
    void aSidewaysStoredPhoneJpegIsInspectedAsItIsShown() throws Exception {
        ImageInfo info = Images.inspect(portraitPhoneJpeg());
        assertEquals(new ImageInfo(ImageFormat.JPEG, 300, 400, false, "jpg"), info);
        assertEquals(List.of(new Size(100, 133), new Size(200, 267), new Size(300, 400)), Images.plan(info, List.of(100, 200, 640)));
    }

    @Test
    void everyOutputIsUprightAndCarriesNoMetadata() throws Exception {
        byte[] photo = portraitPhoneJpeg();
        assertTrue(TestImages.contains(photo, TestImages.LATITUDE), "the test photo has its GPS position");
        ProcessedImage processed = Images.process(photo, Images.inspect(photo), WIDTHS);

        assertEquals(List.of(new Size(100, 133), new Size(200, 267)),
                processed.renditions().stream().map(r -> new Size(r.width(), r.height())).toList());
        for (Rendition rendition : outputs(processed)) {
            byte[] bytes = rendition.bytes();
            String what = rendition.width() + "×" + rendition.height();
            assertEquals("jpg", rendition.extension());
            assertEquals("image/jpeg", rendition.contentType());
            assertEquals(List.of(0xe0), TestImages.metadataMarkers(bytes), what + ": only the JFIF header, no APP1-15 or COM segment");
            for (String trace : List.of("Exif", "http://ns.adobe.com/xap", "Photoshop 3.0", "ICC_PROFILE", TestImages.CAMERA, "Acacia")) {
                assertFalse(TestImages.contains(bytes, trace), what + " contains " + trace);
            }
            assertFalse(TestImages.contains(bytes, TestImages.LATITUDE), what + " contains the latitude");
            assertFalse(TestImages.contains(bytes, TestImages.LONGITUDE), what + " contains the longitude");

            BufferedImage decoded = TestImages.decode(bytes);
            assertEquals(rendition.width(), decoded.getWidth());
            assertEquals(rendition.height(), decoded.getHeight());
        }
        // Orientation 6 turns the stored picture a quarter clockwise: its red top left is now the top right.
        assertCorners(List.of(BLUE, RED, GREEN, YELLOW), TestImages.decode(processed.renditions().getLast().bytes()), "rendition");
        // The card is 300 × 158, cut 97 rows from the top of the 400 shown: it spans both halves.
        assertEquals(new Size(300, 158), Images.cardSize(Images.inspect(photo)));
        assertEquals(300, processed.card().width());
        assertEquals(158, processed.card().height());
        assertCorners(List.of(BLUE, RED, GREEN, YELLOW), TestImages.decode(processed.card().bytes()), "card");
    }

    @Test
    void eachOfTheEightOrientationsIsApplied() throws Exception {
        BufferedImage stored = TestImages.quarters(48, 32, BufferedImage.TYPE_3BYTE_BGR);
        // Stored corners clockwise from the top left: red, green, yellow, blue. Each row: where they show.
        List<List<Color>> shown = List.of(
                List.of(RED, GREEN, YELLOW, BLUE), // 1 as stored
                List.of(GREEN, RED, BLUE, YELLOW), // 2 mirrored left to right
                List.of(YELLOW, BLUE, RED, GREEN), // 3 turned half round
                List.of(BLUE, YELLOW, GREEN, RED), // 4 mirrored top to bottom
                List.of(RED, BLUE, YELLOW, GREEN), // 5 mirrored about the top-left to bottom-right diagonal
                List.of(BLUE, RED, GREEN, YELLOW), // 6 a quarter turn clockwise
                List.of(YELLOW, GREEN, RED, BLUE), // 7 mirrored about the other diagonal
                List.of(GREEN, YELLOW, BLUE, RED)); // 8 a quarter turn anticlockwise
        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] jpeg = TestImages.withSegments(TestImages.encode(stored, "jpeg"), TestImages.exifSegment(orientation));
            ImageInfo info = Images.inspect(jpeg);
            boolean sideways = orientation >= 5;
            assertEquals(sideways ? new Size(32, 48) : new Size(48, 32), new Size(info.width(), info.height()), "orientation " + orientation);
            ProcessedImage processed = Images.process(jpeg, info, List.of(48));
            BufferedImage upright = TestImages.decode(processed.renditions().getFirst().bytes());
            assertEquals(info.width(), upright.getWidth());
            assertCorners(shown.get(orientation - 1), upright, "orientation " + orientation);
        }
    }

    @Test
    void aHostileExifBlockLeavesThePhotoAsStored() throws Exception {
        byte[] tiff = TestImages.tiff(6);
        tiff[7] = (byte) 0xf0; // IFD0 "at" 240, past the block's end
        byte[] jpeg = TestImages.withSegments(TestImages.encode(TestImages.quarters(40, 30, BufferedImage.TYPE_3BYTE_BGR), "jpeg"),
                TestImages.segment(0xe1, TestImages.concat("Exif\0\0".getBytes(), tiff)));
        assertEquals(new ImageInfo(ImageFormat.JPEG, 40, 30, false, "jpg"), Images.inspect(jpeg));
        byte[] manyEntries = TestImages.tiff(6);
        manyEntries[8] = (byte) 0xff; // 65 000-odd entries claimed in a block of a few dozen bytes: those there are read
        manyEntries[9] = (byte) 0xff;
        assertEquals(Orientation.ROTATE_90, ExifOrientation.read(manyEntries, 0, manyEntries.length));
        int beforeOrientationEntry = 8 + 2 + 12 + 6; // the model entry, then half of the orientation entry
        assertEquals(Orientation.NORMAL, ExifOrientation.read(manyEntries, 0, beforeOrientationEntry));
    }

    @Test
    void aDisplayP3JpegIsConvertedToSrgbBeforeItsProfileGoes() throws Exception {
        BufferedImage flat = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        byte[] jpeg = TestImages.withSegments(TestImages.encode(flat, "jpeg"), TestImages.iccSegment(TestImages.displayP3()));
        Rendition out = Images.process(jpeg, Images.inspect(jpeg), List.of(64)).renditions().getFirst();

        assertEquals(List.of(0xe0), TestImages.metadataMarkers(out.bytes()), "no ICC_PROFILE segment");
        // (200, 100, 50) in P3 is a more saturated orange than the same numbers in sRGB: about (215, 93, 31).
        assertTrue(TestImages.near(TestImages.decode(out.bytes()).getRGB(32, 24), expectedSrgb(200, 100, 50), 4),
                "converted: " + new Color(TestImages.decode(out.bytes()).getRGB(32, 24)) + ", expected " + expectedSrgb(200, 100, 50));
    }

    @Test
    void aPngsProfileIsConvertedToSrgbAndItsTransparencyKept() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 20, 30); // the right half stays transparent
        g.dispose();
        byte[] png = TestImages.withChunks(TestImages.encode(image, "png"), TestImages.iccpChunk(TestImages.displayP3()),
                TestImages.chunk("tEXt", "Author\0Press Office".getBytes()));
        ImageInfo info = Images.inspect(png);
        assertEquals(new ImageInfo(ImageFormat.PNG, 40, 30, false, "png"), info);

        Rendition out = Images.process(png, info, List.of(40)).renditions().getFirst();
        assertEquals("image/png", out.contentType());
        assertEquals(List.of("IHDR", "IDAT", "IEND"), TestImages.pngChunkTypes(out.bytes()));
        BufferedImage decoded = TestImages.decode(out.bytes());
        assertTrue(TestImages.near(decoded.getRGB(5, 5), expectedSrgb(200, 100, 50), 2), new Color(decoded.getRGB(5, 5)).toString());
        assertEquals(255, decoded.getRGB(5, 5) >>> 24, "opaque stays opaque");
        assertEquals(0, decoded.getRGB(35, 5) >>> 24, "transparent stays transparent");
    }

    @Test
    void aBrokenProfileIsIgnoredAsBrowsersIgnoreIt() throws Exception {
        byte[] png = TestImages.withChunks(TestImages.encode(TestImages.quarters(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png"),
                TestImages.chunk("iCCP", TestImages.concat("Broken\0\0".getBytes(), TestImages.deflate("not a profile".getBytes()))));
        Rendition out = Images.process(png, Images.inspect(png), List.of(40)).renditions().getFirst();
        assertCorners(List.of(RED, GREEN, YELLOW, BLUE), TestImages.decode(out.bytes()), "unconverted");
    }

    @Test
    void aPngsExifOrientationIsAppliedToo() throws Exception {
        byte[] png = TestImages.withChunks(TestImages.encode(TestImages.quarters(48, 32, BufferedImage.TYPE_3BYTE_BGR), "png"),
                TestImages.chunk("eXIf", TestImages.tiff(8)));
        ImageInfo info = Images.inspect(png);
        assertEquals(new ImageInfo(ImageFormat.PNG, 32, 48, false, "jpg"), info);
        Rendition out = Images.process(png, info, List.of(32)).renditions().getFirst();
        assertFalse(TestImages.contains(out.bytes(), TestImages.LATITUDE));
        assertCorners(List.of(GREEN, YELLOW, BLUE, RED), TestImages.decode(out.bytes()), "orientation 8");
    }

    private static Color expectedSrgb(int r, int g, int b) {
        float[] srgb = new ICC_ColorSpace(TestImages.displayP3()).toRGB(new float[] {r / 255f, g / 255f, b / 255f});
        return new Color(Math.round(srgb[0] * 255), Math.round(srgb[1] * 255), Math.round(srgb[2] * 255));
    }
}
