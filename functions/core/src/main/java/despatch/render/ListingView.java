package despatch.render;

import java.util.List;

/**
 * One page of a listing (a kind's listing, a year of the archive, the home page).
 *
 * @param items newest first
 * @param newerUrl null on the newest page
 * @param olderUrl null on the oldest page
 * @param position the dates an older page covers ("3 January 2025 to 22 January 2025"); null on the newest page
 * @param feedUrl the RSS feed of what is listed, or null
 */
public record ListingView(
        String title,
        String heading,
        String intro,
        List<ArticleLink> items,
        String newerUrl,
        String olderUrl,
        String position,
        String canonicalUrl,
        String feedUrl,
        String atomUrl) {

    public ListingView {
        items = List.copyOf(items);
    }
}
