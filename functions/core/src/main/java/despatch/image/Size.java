package despatch.image;

/** A rendition's size in pixels, as displayed. */
public record Size(int width, int height) {
}
