package despatch.image;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a PNG's chunks before its image data say: transparency, animation (APNG), orientation (eXIf)
 * and colour profile (iCCP). The JDK's PNG reader ignores the last three, so we read them ourselves.
 * Chunk lengths come from the file and are checked against it; CRCs are the decoder's business.
 *
 * @param iccOffset where the iCCP chunk's data starts, or -1 when there is none (or an sRGB chunk
 *     says the pixels are sRGB already)
 */
record PngHeader(boolean alpha, boolean animated, Orientation orientation, int iccOffset, int iccLength) {
    private static final int SIGNATURE = 8;
    private static final int COLOUR_TYPE_GREY_ALPHA = 4;
    private static final int COLOUR_TYPE_RGB_ALPHA = 6;
    /** Real profiles are a few kilobytes, LUT-based ones up to about a megabyte; more is not a profile worth having. */
    private static final int MAX_PROFILE_BYTES = 4 * 1024 * 1024;

    static PngHeader read(byte[] bytes) {
        boolean alpha = false;
        boolean animated = false;
        boolean srgb = false;
        Orientation orientation = Orientation.NORMAL;
        int iccOffset = -1;
        int iccLength = 0;
        int position = SIGNATURE;
        while (position + 12 <= bytes.length) {
            long length = Bytes.u32be(bytes, position);
            if (length > bytes.length - position - 12) {
                break;
            }
            String type = Bytes.ascii(bytes, position + 4, 4);
            int data = position + 8;
            switch (type) {
                case "IHDR" -> {
                    int colourType = length >= 13 ? bytes[data + 9] : 0;
                    alpha |= colourType == COLOUR_TYPE_GREY_ALPHA || colourType == COLOUR_TYPE_RGB_ALPHA;
                }
                case "tRNS" -> alpha = true;
                case "acTL" -> animated = length >= 8 && Bytes.u32be(bytes, data) > 1;
                case "eXIf" -> orientation = ExifOrientation.read(bytes, data, (int) length);
                case "sRGB" -> srgb = true;
                case "iCCP" -> {
                    iccOffset = data;
                    iccLength = (int) length;
                }
                default -> {
                    // other chunks say nothing we use
                }
            }
            if (type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            position = data + (int) length + 4;
        }
        return srgb ? new PngHeader(alpha, animated, orientation, -1, 0) : new PngHeader(alpha, animated, orientation, iccOffset, iccLength);
    }

    /**
     * The embedded colour profile, when there is a readable one. A broken profile is ignored rather
     * than refused, as browsers do: the photo then shows as if it were sRGB.
     */
    Optional<ICC_Profile> iccProfile(byte[] bytes) {
        if (iccOffset < 0) {
            return Optional.empty();
        }
        int name = 0; // a Latin-1 name of 1 to 79 characters, NUL-terminated; then the compression method (0)
        while (name < Math.min(iccLength, 80) && bytes[iccOffset + name] != 0) {
            name++;
        }
        int compressed = iccOffset + name + 2;
        if (name == 0 || compressed > iccOffset + iccLength || bytes[iccOffset + name + 1] != 0) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, compressed, iccOffset + iccLength - compressed);
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int inflated = inflater.inflate(buffer);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                profile.write(buffer, 0, inflated);
                if (profile.size() > MAX_PROFILE_BYTES) {
                    return Optional.empty();
                }
            }
            return Optional.of(ColorProfiles.createProfile(profile.toByteArray()));
        } catch (DataFormatException | IllegalArgumentException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }
}
