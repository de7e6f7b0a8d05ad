package despatch.site;

import java.util.List;

/**
 * What an update of the site wrote and removed; the rest was already right.
 *
 * @param notRerendered for a re-rendering rebuild, each article whose page was kept as it was, and why
 * @param continueAfter for a re-rendering rebuild that ran out of time, the last article it did (by
 *     slug): the next part carries on after it; null when it is finished
 */
public record SiteUpdate(List<String> written, List<String> deleted, int unchanged, List<String> notRerendered, String continueAfter) {
    public SiteUpdate {
        written = List.copyOf(written);
        deleted = List.copyOf(deleted);
        notRerendered = List.copyOf(notRerendered);
    }

    public SiteUpdate(List<String> written, List<String> deleted, int unchanged) {
        this(written, deleted, unchanged, List.of(), null);
    }
}
