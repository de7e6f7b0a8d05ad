package despatch.publish;

/** The article pages of the public web site. */
public interface SitePublisher {
    /** Writes one page, replacing what was there. */
    void putPage(String path, String html);

    /** Removes a page; nothing happens if it is not there. */
    void deletePage(String path);
}
