package despatch.publish;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/** Article records: one per slug, replaced when the article is uploaded again. */
public interface ArticleStore {
    /**
     * Writes the record if the one at its slug is still {@code replacing} (null: there is none yet).
     *
     * @throws despatch.common.ConcurrentChangeException when another publish, a release or an
     *     unpublish changed it first: read again and decide again
     */
    void save(ArticleRecord record, ArticleRecord replacing);

    /** The record at this slug, read consistently: it sees a publish that just finished. */
    Optional<ArticleRecord> find(String slug);

    /** The slug of the article this upload last published, if any: a correction keeps its address when its title changes. */
    Optional<String> slugPublishedFrom(String uploadKey);

    /**
     * The slugs of the articles on the site, from an index that may lag the last moment's
     * changes: candidates to read with {@link #findAll}, not the answer.
     */
    Set<String> publishedSlugs();

    /** The records at these slugs, read consistently; slugs with no record are left out. */
    List<ArticleRecord> findAll(Collection<String> slugs);

    /**
     * An embargoed article goes on the site: SCHEDULED becomes PUBLISHED at {@code at}. Safe to
     * repeat (an already published record keeps its time).
     *
     * @return false when the article was unpublished meanwhile
     */
    boolean release(ArticleRecord record, Instant at);
}
