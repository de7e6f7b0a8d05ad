package despatch.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Files press officers upload by mistake, named so the refusal can say what they uploaded and how
 * to turn it into something we take: "not an image" alone leaves them guessing.
 */
enum ForeignFormat {
    HEIC("a HEIC photo from an iPhone",
            "export it as JPEG (in Photos on a Mac: File › Export) and upload that; on the iPhone, Settings › Camera ›"
                    + " Formats › Most Compatible makes new photos JPEG"),
    AVIF("an AVIF image", "save it as JPEG or PNG and upload that"),
    VIDEO("a video", "upload a still photo as JPEG instead"),
    TIFF("a TIFF image, as scanners and cameras' RAW files are", "save it as JPEG (photographs) or PNG (graphics) and upload that"),
    BMP("a BMP bitmap", "save it as PNG (in Paint: File › Save as › PNG picture) and upload that"),
    PSD("a Photoshop document", "export it as JPEG (File › Export › Export As) and upload that"),
    PDF("a PDF document", "upload the picture itself as JPEG or PNG; for a page of the PDF, export that page as PNG"),
    ZIP("a Word document or another ZIP archive",
            "upload the picture itself as JPEG or PNG (in Word: right-click the picture, then Save as Picture)"),
    METAFILE("a Windows metafile (EMF or WMF), as Word keeps charts, clip art and pasted drawings",
            "save it as PNG (in Word: right-click it, Save as Picture, PNG) and use that"),
    SVG("an SVG drawing", "export it as PNG at the width it should appear and upload that"),
    TEXT("text, not a picture", "choose the photo's own file: a JPEG, PNG, WebP or GIF image");

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final int TEXT_SAMPLE = 512;
    /** Real files list a handful of brands; a box claiming more is not worth reading further. */
    private static final int MAX_FTYP_BOX = 16 + 4 * 32;

    private final String description;
    private final String advice;

    ForeignFormat(String description, String advice) {
        this.description = description;
        this.advice = advice;
    }

    String reason() {
        return "This file is not a JPEG, PNG, WebP or GIF image (it looks like " + description + "): " + advice + ".";
    }

    static String unknownReason() {
        return "This file is not a JPEG, PNG, WebP or GIF image: save it as JPEG (photographs) or PNG (graphics) and upload that.";
    }

    static Optional<ForeignFormat> sniff(byte[] bytes) {
        if (Bytes.startsWithAscii(bytes, 4, "ftyp")) {
            return Optional.of(isoMedia(bytes));
        }
        if (Bytes.startsWithAscii(bytes, 0, "II*\0") || Bytes.startsWithAscii(bytes, 0, "MM\0*")) {
            return Optional.of(TIFF);
        }
        if (isBmp(bytes)) {
            return Optional.of(BMP);
        }
        if (Bytes.startsWithAscii(bytes, 0, "8BPS")) {
            return Optional.of(PSD);
        }
        if (isMetafile(bytes)) {
            return Optional.of(METAFILE);
        }
        if (Bytes.startsWithAscii(bytes, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (Bytes.startsWithAscii(bytes, 0, "PK\3\4")) {
            return Optional.of(ZIP);
        }
        if (isText(bytes)) {
            return Optional.of(isSvg(bytes) ? SVG : TEXT);
        }
        return Optional.empty();
    }

    /** HEIC, AVIF and phone videos share the ISO media container; its brands say which. */
    private static ForeignFormat isoMedia(byte[] bytes) {
        int boxEnd = (int) Math.min(Math.min(bytes.length, Bytes.u32be(bytes, 0)), MAX_FTYP_BOX);
        boolean heif = false;
        // The major brand at 8, then the compatible brands from 16; the minor version at 12 is not a brand.
        for (int offset = 8; offset + 4 <= boxEnd; offset += offset == 8 ? 8 : 4) {
            String brand = Bytes.ascii(bytes, offset, 4);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            heif |= HEIF_BRANDS.contains(brand);
        }
        return heif ? HEIC : VIDEO;
    }

    /** "BM" alone is too common a start for text, so the DIB header's size must be one of the known ones too. */
    /** EMF: record type 1 then " EMF" at byte 40; WMF: the placeable header's key, or a plain header's type and size. */
    private static boolean isMetafile(byte[] bytes) {
        boolean emf = bytes.length >= 44 && Bytes.u32le(bytes, 0) == 1 && Bytes.startsWithAscii(bytes, 40, " EMF");
        boolean placeableWmf = bytes.length >= 4 && Bytes.u32le(bytes, 0) == 0x9AC6CDD7L;
        boolean plainWmf = bytes.length >= 6 && (bytes[0] == 1 || bytes[0] == 2) && bytes[1] == 0 && bytes[2] == 9 && bytes[3] == 0
                && (bytes[4] == 0 && bytes[5] == 3 || bytes[4] == 0 && bytes[5] == 1);
        return emf || placeableWmf || plainWmf;
    }

    private static boolean isBmp(byte[] bytes) {
        if (!Bytes.startsWithAscii(bytes, 0, "BM") || bytes.length < 18) {
            return false;
        }
        long dibHeaderSize = Bytes.u32le(bytes, 14);
        return Set.of(12L, 40L, 52L, 56L, 64L, 108L, 124L).contains(dibHeaderSize);
    }

    private static boolean isText(byte[] bytes) {
        int sample = Math.min(bytes.length, TEXT_SAMPLE);
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return sample > 0;
    }

    private static boolean isSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").strip().toLowerCase(Locale.ROOT);
        return start.startsWith("<") && start.contains("<svg");
    }
}
