package despatch.office;

/** Where things live on the public site; one place so pages, records and links agree. */
public final class SitePaths {
    private SitePaths() {
    }

    /** The article's address relative to the site root, with a trailing slash (S3 website index document). */
    public static String articleDirectory(String slug) {
        return "articles/" + slug + "/";
    }

    /** The object key of the article page in the site bucket. */
    public static String articlePage(String slug) {
        return articleDirectory(slug) + "index.html";
    }
}
