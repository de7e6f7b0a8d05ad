package despatch.render;

/** @param lastModified W3C date-time, or null */
public record SitemapEntry(String url, String lastModified) {
}
