package despatch.article;

/**
 * The picture at the top of an article; alt text is required so that every reader gets it.
 *
 * @param width the width of {@code url} in pixels when known (an image processed for the site), else null
 * @param height its height, likewise
 * @param srcset the same picture at each width made, for sharp screens (a {@code srcset} value), or null
 * @param largestUrl the widest version, for emails (shown at the column's width, sharp on any screen) and
 *     cards; {@code url} when there is only one
 */
public record HeroImage(String url, String alt, Integer width, Integer height, String srcset, String largestUrl) {
    /** A picture at a web address, as given: its size is not known. */
    public HeroImage(String url, String alt) {
        this(url, alt, null, null, null, url);
    }
}
