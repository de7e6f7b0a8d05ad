package despatch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Formats are told by their first bytes; what we do not take is named, with how to make something we do. */
class ImageFormatTest {

    private static String refusal(byte[] bytes) {
        return assertThrows(ImageRejectedException.class, () -> Images.inspect(bytes)).getMessage();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachFormatWeTakeIsKnownByItsContent() throws Exception {
        BufferedImage image = TestImages.quarters(8, 6, BufferedImage.TYPE_3BYTE_BGR);
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(TestImages.encode(image, "png")));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.sniff(TestImages.encode(image, "jpeg")));
        assertEquals(Optional.of(ImageFormat.GIF), ImageFormat.sniff(TestImages.encode(image, "gif")));
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.sniff(TestImages.resource("photo.webp")));
        // No file name reaches inspect: whatever a PNG was called, it is a PNG.
        assertEquals(ImageFormat.PNG, Images.inspect(TestImages.encode(image, "png")).format());
    }

    @Test
    void aFileThatOnlyStartsLikeAFormatIsNotIt() {
        assertEquals(Optional.empty(), ImageFormat.sniff(ascii("GIF8")));
        assertEquals(Optional.empty(), ImageFormat.sniff(ascii("RIFF\0\0\0\0WAVEfmt ")));
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[0]));
    }

    @Test
    void anIphonePhotoInHeicIsNamedWithHowToExportIt() {
        byte[] heic = TestImages.concat(new byte[] {0, 0, 0, 24}, ascii("ftypheic\0\0\0\0mif1heic"), new byte[100]);
        String reason = refusal(heic);
        assertTrue(reason.startsWith("This file is not a JPEG, PNG, WebP or GIF image (it looks like a HEIC photo from an iPhone):"), reason);
        assertTrue(reason.contains("export it as JPEG"), reason);
        assertTrue(reason.contains("Most Compatible"), reason);
    }

    @Test
    void avifIsToldFromHeicByItsBrands() {
        byte[] avif = TestImages.concat(new byte[] {0, 0, 0, 28}, ascii("ftypmif1\0\0\0\0mif1avifmiaf"), new byte[100]);
        assertTrue(refusal(avif).contains("(it looks like an AVIF image)"), refusal(avif));
        byte[] video = TestImages.concat(new byte[] {0, 0, 0, 20}, ascii("ftypqt  \0\0\0\0qt  "), new byte[100]);
        assertTrue(refusal(video).contains("(it looks like a video)"), refusal(video));
    }

    @Test
    void otherDocumentsAndImagesAreNamed() {
        assertTrue(refusal(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj")).contains("(it looks like a PDF document): upload the picture itself"));
        assertTrue(refusal(TestImages.concat(ascii("PK\3\4"), new byte[40])).contains("Word document"));
        assertTrue(refusal(TestImages.concat(ascii("II*\0"), new byte[40])).contains("TIFF image"));
        assertTrue(refusal(TestImages.concat(ascii("BM"), new byte[12], new byte[] {40, 0, 0, 0}, new byte[40])).contains("BMP bitmap"));
        assertTrue(refusal(TestImages.concat(ascii("8BPS"), new byte[40])).contains("Photoshop document"));
        // A chart or clip art pasted into Word is kept as a metafile: EMF (record type 1, " EMF" at 40), or WMF.
        assertTrue(refusal(TestImages.concat(new byte[] {1, 0, 0, 0}, new byte[36], ascii(" EMF"), new byte[40])).contains("Windows metafile"));
        assertTrue(refusal(TestImages.concat(new byte[] {(byte) 0xD7, (byte) 0xCD, (byte) 0xC6, (byte) 0x9A}, new byte[40]))
                .contains("Save as Picture, PNG"));
        assertTrue(refusal(ascii("\u00ef\u00bb\u00bf<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
                .contains("(it looks like an SVG drawing): export it as PNG"));
    }

    @Test
    void textIsNotAPicture() {
        String reason = refusal(ascii("Bus route 42 saved\n\nThe council's decision keeps the 42 running.\n"));
        assertEquals("This file is not a JPEG, PNG, WebP or GIF image (it looks like text, not a picture):"
                + " choose the photo's own file: a JPEG, PNG, WebP or GIF image.", reason);
        // "BM" text is text, not a bitmap
        assertTrue(refusal(ascii("BMW press day: photos to follow")).contains("text, not a picture"));
    }

    @Test
    void unknownBinaryGetsTheGeneralAdvice() {
        assertEquals("This file is not a JPEG, PNG, WebP or GIF image: save it as JPEG (photographs) or PNG (graphics) and upload that.",
                refusal(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        assertEquals("This file is empty: choose the photo again and upload it.", refusal(new byte[0]));
    }
}
