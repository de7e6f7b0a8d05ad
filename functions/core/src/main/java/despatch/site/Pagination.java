package despatch.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a listing into pages counted from the oldest article, so page 3 always holds the same
 * twenty articles: a new article changes the newest page (served at the listing's own address)
 * and no other, where newest-first numbering would shift every page. The price is a newest page
 * that may hold only a few articles.
 */
final class Pagination {
    private Pagination() {
    }

    /**
     * @param oldestFirst the listing's articles, oldest first
     * @return the pages, oldest first; always at least one (an empty listing still has its page)
     */
    static <T> List<List<T>> pages(List<T> oldestFirst, int size) {
        List<List<T>> pages = new ArrayList<>();
        for (int from = 0; from < oldestFirst.size(); from += size) {
            pages.add(oldestFirst.subList(from, Math.min(from + size, oldestFirst.size())));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    /** The address of page {@code number} (1 = oldest) of {@code count}: the newest is the listing itself. */
    static String directory(String listing, int number, int count) {
        return number == count ? listing : listing + "page/" + number + "/";
    }
}
