package despatch.console.web;

import despatch.article.Article;
import despatch.console.ListSizes;
import despatch.office.MailingList;
import java.util.ArrayList;
import java.util.List;

/**
 * Who an article's email would go to, in words, and when: its lists with how many are on each now,
 * and its embargo in the office's time zone. Someone on two of its lists gets it once, so with
 * several lists the sum is the most it could reach.
 */
final class Recipients {
    private final ListSizes sizes;
    private final ConsoleFormat format;

    Recipients(ListSizes sizes, ConsoleFormat format) {
        this.sizes = sizes;
        this.format = format;
    }

    String of(Article article) {
        if (article.lists().isEmpty()) {
            return "Nobody: it names no lists, so only the web page is published.";
        }
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (String id : article.lists()) {
            MailingList list = format.office().lists().get(id);
            long size = sizes.activeMembers(id);
            total += size;
            parts.add((list == null ? id : list.displayName()) + " (" + people(size) + ")");
        }
        String lists = String.join(" and ", parts);
        return article.lists().size() == 1 ? lists
                : lists + ": at most " + people(total) + ", as someone on more than one of them gets it once";
    }

    String when(Article article) {
        return article.embargoTime().map(time -> "Embargoed until " + format.time(time.toInstant()) + " ("
                + format.office().zone().getId() + "): nothing is published or sent before then")
                .orElse("As soon as it is published");
    }

    private String people(long count) {
        return format.count(count) + (count == 1 ? " person" : " people");
    }
}
