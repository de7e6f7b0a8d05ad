package despatch.site;

import java.util.List;

/** What an update of the site wrote and removed; the rest was already right. */
public record SiteUpdate(List<String> written, List<String> deleted, int unchanged) {
    public SiteUpdate {
        written = List.copyOf(written);
        deleted = List.copyOf(deleted);
    }
}
