package despatch.office;

/**
 * Where things live on the public site; one place so pages, records, feeds and links agree.
 * Directories end with a slash and are served from their index.html (S3 website index document).
 */
public final class SitePaths {
    public static final String INDEX = "index.html";
    public static final String HOME = INDEX;
    /** The S3 website error document: what a wrong address shows. */
    public static final String NOT_FOUND = "404.html";
    public static final String ROBOTS = "robots.txt";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ARTICLES = "articles/";
    public static final String ARCHIVE = "archive/";
    public static final String PRESS_RELEASES = "press-releases/";
    public static final String NEWSLETTERS = "newsletters/";
    public static final String FEEDS = "feeds/";

    private SitePaths() {
    }

    /** The article's address relative to the site root, with a trailing slash (S3 website index document). */
    public static String articleDirectory(String slug) {
        return ARTICLES + slug + "/";
    }

    /** The object key of the article page in the site bucket. */
    public static String articlePage(String slug) {
        return articleDirectory(slug) + INDEX;
    }

    /** The slug of an article page's key, or null when the key is not one. */
    public static String slugOfArticlePage(String key) {
        if (!key.startsWith(ARTICLES) || !key.endsWith("/" + INDEX)) {
            return null;
        }
        String slug = key.substring(ARTICLES.length(), key.length() - INDEX.length() - 1);
        return slug.isEmpty() || slug.contains("/") ? null : slug;
    }

    /** Where an article's images are kept: under its address, so they go where it goes. */
    public static String articleImages(String slug) {
        return articleDirectory(slug) + "images/";
    }

    /** The office's own card, shown when a page has no photograph of its own. */
    public static final String DEFAULT_CARD = "social-card.png";

    public static String yearArchive(int year) {
        return ARCHIVE + year + "/";
    }

    /** @param name "all", or a kind's listing name such as "press-releases" */
    public static String feed(String name, boolean rss) {
        return FEEDS + name + (rss ? ".xml" : ".atom");
    }

    /** The object key that serves a directory address. */
    public static String keyOf(String directory) {
        return directory.isEmpty() || directory.endsWith("/") ? directory + INDEX : directory;
    }
}
