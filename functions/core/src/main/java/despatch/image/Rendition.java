package despatch.image;

/**
 * One encoded picture, ready to store: no metadata at all.
 *
 * @param extension "jpg" or "png", as {@link ImageInfo#outputExtension()}
 * @param contentType "image/jpeg" or "image/png"
 */
public record Rendition(int width, int height, String extension, String contentType, byte[] bytes) {
}
