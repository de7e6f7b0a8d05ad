package despatch.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Real image files built in the test: JPEGs with the segments phones write, PNGs with extra chunks, a Display P3 profile. */
public final class TestImages {
    static final Color RED = new Color(220, 30, 30);
    static final Color GREEN = new Color(30, 180, 60);
    static final Color BLUE = new Color(30, 60, 200);
    static final Color YELLOW = new Color(240, 220, 40);
    /** 51°28'38.42"N 0°0'5.31"W as the GPS IFD stores them: rationals, big-endian. */
    static final byte[] LATITUDE = rationals(51, 1, 28, 1, 384_200, 10_000);
    static final byte[] LONGITUDE = rationals(0, 1, 0, 1, 531, 100);
    public static final String CAMERA = "DespatchPhone 15 Pro";

    private TestImages() {
    }

    /** Four flat quarters: red top left, green top right, blue bottom left, yellow bottom right. */
    static BufferedImage quarters(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(YELLOW);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for this image type");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with segments inserted right after SOI (and so before the JFIF APP0, as some phones write them). */
    public static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xff).put((byte) marker).putShort((short) (payload.length + 2))
                .put(payload).array();
    }

    public static byte[] exifSegment(int orientation) {
        return segment(0xe1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff(orientation)));
    }

    static byte[] xmpSegment() {
        return segment(0xe1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description"
                + " exif:GPSLatitude='51,28.64N'/></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
    }

    static byte[] iptcSegment() {
        return segment(0xed, concat("Photoshop 3.0\08BIM".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0x04, 0x04, 0, 0, 0, 0, 0, 12, 0x1c, 0x02, 0x50, 0, 7}, "Byline!".getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] commentSegment() {
        return segment(0xfe, "Taken outside 14 Acacia Avenue".getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] iccSegment(ICC_Profile profile) {
        return segment(0xe2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1}, profile.getData()));
    }

    /**
     * An EXIF block as a phone writes one, big-endian: IFD0 with the camera model, the orientation
     * and a pointer to the GPS IFD; the GPS IFD with latitude and longitude as rationals.
     */
    static byte[] tiff(int orientation) {
        byte[] model = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int modelAt = ifd0 + ifd0Size;
        int gpsIfd = modelAt + model.length;
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int latitudeAt = gpsIfd + gpsIfdSize;
        int longitudeAt = latitudeAt + LATITUDE.length;
        ByteBuffer tiff = ByteBuffer.allocate(longitudeAt + LONGITUDE.length);
        tiff.put("MM\0*".getBytes(StandardCharsets.US_ASCII)).putInt(ifd0);
        tiff.putShort((short) 3);
        entry(tiff, 0x0110, 2, model.length, modelAt); // Model
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0); // Orientation
        entry(tiff, 0x8825, 4, 1, gpsIfd); // GPSInfo
        tiff.putInt(0);
        tiff.put(model);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        entry(tiff, 2, 5, 3, latitudeAt); // GPSLatitude
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'W', 0, 0, 0}); // GPSLongitudeRef
        entry(tiff, 4, 5, 3, longitudeAt); // GPSLongitude
        tiff.putInt(0);
        tiff.put(LATITUDE).put(LONGITUDE);
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] rationals(int... numbersAndDenominators) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * numbersAndDenominators.length);
        for (int n : numbersAndDenominators) {
            buffer.putInt(n);
        }
        return buffer.array();
    }

    /** A PNG with chunks inserted right after IHDR. */
    static byte[] withChunks(byte[] png, byte[]... chunks) {
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /** Only a signature and a header: what a decompression bomb looks like before its data. */
    static byte[] pngHeaderOnly(int width, int height) {
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]).array();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, chunk("IHDR", header),
                chunk("IDAT", deflate(new byte[64])), chunk("IEND", new byte[0]));
    }

    static byte[] iccpChunk(ICC_Profile profile) {
        return chunk("iCCP", concat("Display P3\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(profile.getData())));
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Display P3 as phones embed it: sRGB's tone curve and white point with the wider P3 primaries
     * (their D50-adapted colorants). Built from the JDK's sRGB profile, as no P3 profile ships with it.
     */
    static ICC_Profile displayP3() {
        ICC_Profile profile = ICC_Profile.getInstance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        profile.setData(ICC_Profile.icSigRedColorantTag, xyz(0.5151, 0.2412, -0.0011));
        profile.setData(ICC_Profile.icSigGreenColorantTag, xyz(0.2920, 0.6922, 0.0419));
        profile.setData(ICC_Profile.icSigBlueColorantTag, xyz(0.1571, 0.0666, 0.7841));
        return ICC_Profile.getInstance(profile.getData());
    }

    private static byte[] xyz(double x, double y, double z) {
        ByteBuffer tag = ByteBuffer.allocate(20).put("XYZ ".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        for (double v : new double[] {x, y, z}) {
            tag.putInt((int) Math.round(v * 65536)); // s15Fixed16
        }
        return tag.array();
    }

    /** The APPn and COM markers before a JPEG's first scan: where metadata lives. */
    static List<Integer> metadataMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int position = 2;
        while (position + 4 <= jpeg.length && (jpeg[position] & 0xff) == 0xff) {
            int marker = jpeg[position + 1] & 0xff;
            if (marker == 0xda) {
                break;
            }
            if (marker >= 0xe0 && marker <= 0xef || marker == 0xfe) {
                markers.add(marker);
            }
            position += 2 + ((jpeg[position + 2] & 0xff) << 8 | jpeg[position + 3] & 0xff);
        }
        return markers;
    }

    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int position = 8;
        while (position + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, position, 4).getInt();
            types.add(new String(png, position + 4, 4, StandardCharsets.US_ASCII));
            position += 12 + length;
        }
        return types;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether a decoded pixel is within a JPEG's rounding of the expected colour. */
    static boolean near(int argb, Color expected, int tolerance) {
        Color actual = new Color(argb, true);
        return Math.abs(actual.getRed() - expected.getRed()) <= tolerance && Math.abs(actual.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(actual.getBlue() - expected.getBlue()) <= tolerance;
    }
}
