package despatch.image;

/**
 * What an image's header says, before any pixel is decoded.
 *
 * @param width as displayed, i.e. after EXIF orientation
 * @param height as displayed
 * @param animated more than one frame; only the first is published
 * @param outputExtension "jpg" (opaque) or "png" (may have transparency), decided from the header alone
 */
public record ImageInfo(ImageFormat format, int width, int height, boolean animated, String outputExtension) {
}
