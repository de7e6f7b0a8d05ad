package despatch.publish;

/** The article pages of the public web site. */
public interface SitePublisher {
    /** Writes one page, replacing what was there. */
    void putPage(String path, String html);

    /**
     * Replaces a page with a permanent redirect to {@code location} (a path on the site, such as
     * {@code /articles/new-address/}): a moved article's old address.
     */
    void putMoved(String path, String location);

    /** Removes a page; nothing happens if it is not there. */
    void deletePage(String path);

    /** Writes an image; its key names its content, so it never changes and may be cached for long. */
    void putImage(ImageFile image);

    /** The keys of the files under a folder of the site, such as an article's images. */
    java.util.Set<String> keysUnder(String folder);

    /** Removes every file under a folder of the site. */
    void deleteUnder(String folder);
}
