package despatch.render;

import java.util.List;

/**
 * An RSS 2.0 and Atom feed's content. Dates come in both forms the formats need, so the
 * templates only place them.
 *
 * @param htmlUrl the web page that lists the same articles (the home page, or a kind's listing)
 * @param updatedIso the latest change of any item (never the build time: a rebuild writes the same bytes)
 */
public record FeedView(
        String title,
        String description,
        String htmlUrl,
        String selfUrl,
        String updatedIso,
        String updatedRfc1123,
        String language,
        List<FeedItem> items) {

    public FeedView {
        items = List.copyOf(items);
    }

    /**
     * @param url the article's address, which is also its GUID / Atom id: it never changes
     */
    public record FeedItem(
            String title,
            String url,
            String summary,
            String category,
            String author,
            String publishedIso,
            String publishedRfc1123,
            String updatedIso) {
    }
}
