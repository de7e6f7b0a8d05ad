package despatch.sending;

/** Puts an embargoed article's web page on the site when its embargo ends, and records it as published. */
public interface ArticleRelease {
    void release(String slug);
}
