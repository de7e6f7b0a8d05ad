package despatch.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a listing into pages counted from the oldest article, so page 3 always holds the same
 * twenty articles: a new article changes the newest page (served at the listing's own address)
 * and no other, where newest-first numbering would shift every page. The newest page holds the
 * rest, between one and two pages' worth, so it never shows just one or two articles.
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
        int last = pages.size() - 1;
        if (last > 0 && pages.get(last).size() < size) {
            List<T> newest = oldestFirst.subList((last - 1) * size, oldestFirst.size());
            pages.remove(last);
            pages.set(last - 1, newest);
        }
        return pages;
    }

    /** The address of page {@code number} (1 = oldest) of {@code count}: the newest is the listing itself. */
    static String directory(String listing, int number, int count) {
        return number == count ? listing : listing + "page/" + number + "/";
    }
}
