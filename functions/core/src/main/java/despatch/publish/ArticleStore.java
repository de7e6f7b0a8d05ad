package despatch.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Article records: one per slug, replaced when the article is uploaded again. */
public interface ArticleStore {
    void save(ArticleRecord record);

    /** The record at this slug, read consistently: it sees a publish that just finished. */
    Optional<ArticleRecord> find(String slug);

    /** The slug of the article this upload last published, if any: a correction keeps its address when its title changes. */
    Optional<String> slugPublishedFrom(String uploadKey);

    /** Every article on the site now; may miss a change made in the last moment (see SiteService). */
    List<ArticleRecord> published();

    /**
     * An embargoed article goes on the site: SCHEDULED becomes PUBLISHED at {@code at}. Safe to
     * repeat (an already published record keeps its time).
     *
     * @return false when the article was unpublished meanwhile
     */
    boolean release(ArticleRecord record, Instant at);
}
