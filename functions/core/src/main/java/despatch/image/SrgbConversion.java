package despatch.image;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;

/**
 * Turns pixels encoded for an embedded colour profile into sRGB. Once the profile is stripped, a
 * browser takes the numbers as sRGB; a Display P3 picture left unconverted would look dull and shifted.
 * The pixels are relabelled with their real colour space (no copy) and converted by the JDK's colour
 * management (LittleCMS) into a new sRGB image. It runs on renditions, after scaling: scaling the
 * profile's numbers instead of sRGB's makes no visible difference (they share a tone curve, or
 * nearly), and the conversion then touches a few hundred thousand pixels, not millions.
 */
final class SrgbConversion {
    private SrgbConversion() {
    }

    static BufferedImage toSrgb(BufferedImage image, ICC_Profile profile) {
        // A grey or CMYK profile on RGB pixels is a broken file; browsers ignore it, and so do we.
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || ColorProfiles.isCS_sRGB(profile)) {
            return image;
        }
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage source = inLayout(image, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        try {
            ICC_ColorSpace space = ColorSpaces.createColorSpace(profile);
            BufferedImage labelled = new BufferedImage(colourModel(space, alpha), source.getRaster(), false, null);
            BufferedImage srgb = new BufferedImage(source.getWidth(), source.getHeight(), source.getType());
            new ColorConvertOp(null).filter(labelled, srgb);
            return srgb;
        } catch (CMMException | IllegalArgumentException brokenProfile) {
            return source; // LittleCMS cannot use the profile: shown as sRGB, as a browser would
        }
    }

    /** The same layout as TYPE_3BYTE_BGR or TYPE_INT_ARGB, in another colour space. */
    private static ColorModel colourModel(ICC_ColorSpace space, boolean alpha) {
        return alpha
                ? new DirectColorModel(space, 32, 0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000, false, DataBuffer.TYPE_INT)
                : new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    }

    private static BufferedImage inLayout(BufferedImage image, int type) {
        if (image.getType() == type) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
