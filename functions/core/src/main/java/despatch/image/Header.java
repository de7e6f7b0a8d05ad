package despatch.image;

/**
 * An image's header as stored, before orientation is applied.
 *
 * @param png the PNG chunks' facts, or null for other formats
 */
record Header(ImageFormat format, int storedWidth, int storedHeight, Orientation orientation, boolean animated, boolean alpha,
              PngHeader png) {

    ImageInfo info() {
        return new ImageInfo(format, orientation.displayedWidth(storedWidth, storedHeight),
                orientation.displayedHeight(storedWidth, storedHeight), animated, alpha ? "png" : "jpg");
    }
}
