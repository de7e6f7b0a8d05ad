package despatch.publish;

/** The public web site. */
public interface SitePublisher {
    /** Writes one page, replacing what was there. */
    void putPage(String path, String html);
}
