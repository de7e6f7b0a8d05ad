package despatch.bench;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A photo as a phone held upright takes it: 4032 × 3024 stored sideways with EXIF orientation 6,
 * the camera's model and a GPS position, and a Display P3 colour profile, at JPEG quality 0.92.
 * The pixels are smooth shading with fine texture and sensor noise, so the file compresses like a
 * real photo (about 4 MB) rather than like a flat test card; the same seed makes the same file.
 */
final class PhonePhoto {
    static final int WIDTH = 4032;
    static final int HEIGHT = 3024;
    private static final float QUALITY = 0.92f;

    private PhonePhoto() {
    }

    static byte[] jpeg() {
        return jpeg(20_260_101);
    }

    /** Another photo of the same kind: a different seed, different grain, so a different file. */
    static byte[] jpeg(long seed) {
        byte[] encoded = encode(pixels(seed));
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 64 * 1024);
        out.write(encoded, 0, 2); // SOI; then Exif and ICC before the rest, where phones put them
        out.writeBytes(segment(0xe1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif())));
        out.writeBytes(segment(0xe2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1}, displayP3().getData())));
        out.write(encoded, 2, encoded.length - 2);
        return out.toByteArray();
    }

    private static BufferedImage pixels(long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom noise = new SplittableRandom(seed);
        int i = 0;
        for (int y = 0; y < HEIGHT; y++) {
            double v = (double) y / HEIGHT;
            for (int x = 0; x < WIDTH; x++) {
                double u = (double) x / WIDTH;
                // Sky-like gradient, a few broad shapes, and texture whose detail grows towards the bottom (foreground).
                double shape = 40 * Math.sin(u * 7 + v * 3) * Math.cos(v * 5 - u * 2);
                double texture = v * 22 * Math.sin(x * 0.21 + Math.sin(y * 0.05) * 4) * Math.sin(y * 0.17 + Math.cos(x * 0.03) * 3);
                double grain = noise.nextDouble(-10, 10);
                double base = shape + texture + grain;
                bgr[i++] = clamp(150 + 70 * (1 - v) + base); // blue
                bgr[i++] = clamp(110 + 50 * u + base);        // green
                bgr[i++] = clamp(90 + 90 * v + base);          // red
            }
        }
        return image;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** IFD0 with make, model, orientation 6 and the GPS IFD's offset; the GPS IFD with latitude and longitude (big-endian). */
    private static byte[] exif() {
        byte[] make = "Apple\0".getBytes(StandardCharsets.US_ASCII);
        byte[] model = "iPhone 15 Pro\0".getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int makeAt = ifd0 + 2 + 4 * 12 + 4;
        int modelAt = makeAt + make.length;
        int gps = modelAt + model.length;
        int latitudeAt = gps + 2 + 4 * 12 + 4;
        int longitudeAt = latitudeAt + 24;
        ByteBuffer tiff = ByteBuffer.allocate(longitudeAt + 24);
        tiff.put("MM\0*".getBytes(StandardCharsets.US_ASCII)).putInt(ifd0).putShort((short) 4);
        entry(tiff, 0x010f, 2, make.length, makeAt);
        entry(tiff, 0x0110, 2, model.length, modelAt);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gps);
        tiff.putInt(0).put(make).put(model).putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        entry(tiff, 2, 5, 3, latitudeAt);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'W', 0, 0, 0});
        entry(tiff, 4, 5, 3, longitudeAt);
        tiff.putInt(0);
        for (int n : new int[] {51, 1, 28, 1, 384_200, 10_000, 3, 1, 10, 1, 1_200, 100}) {
            tiff.putInt(n);
        }
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** sRGB's tone curve and white with the P3 primaries (D50-adapted), which is what Display P3 is. */
    private static ICC_Profile displayP3() {
        ICC_Profile profile = ICC_Profile.getInstance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        profile.setData(ICC_Profile.icSigRedColorantTag, xyz(0.5151, 0.2412, -0.0011));
        profile.setData(ICC_Profile.icSigGreenColorantTag, xyz(0.2920, 0.6922, 0.0419));
        profile.setData(ICC_Profile.icSigBlueColorantTag, xyz(0.1571, 0.0666, 0.7841));
        return profile;
    }

    private static byte[] xyz(double x, double y, double z) {
        ByteBuffer tag = ByteBuffer.allocate(20).put("XYZ ".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        for (double value : new double[] {x, y, z}) {
            tag.putInt((int) Math.round(value * 65536));
        }
        return tag.array();
    }

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xff).put((byte) marker).putShort((short) (payload.length + 2))
                .put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
