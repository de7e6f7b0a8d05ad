package despatch.site;

import despatch.office.SitePaths;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.ArticleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the site in line with the article records. Every update derives the whole site from the
 * records and writes only the files whose bytes differ from what the bucket holds (compared by
 * fingerprint, without reading them), so two articles published at once both appear whichever
 * update runs last, and a new article into a site of thousands writes a handful of files.
 * Updates must not run concurrently (the template gives them a FIFO queue with one group).
 */
public final class SiteService {
    private final ArticleStore articles;
    private final SiteBucket bucket;
    private final RenderedPages renderedPages;
    private final SiteBuilder builder;

    public SiteService(ArticleStore articles, SiteBucket bucket, RenderedPages renderedPages, SiteBuilder builder) {
        this.articles = articles;
        this.bucket = bucket;
        this.renderedPages = renderedPages;
        this.builder = builder;
    }

    /**
     * After these articles changed (published, corrected, released, unpublished). Their own
     * records are read consistently: the listing of published articles comes from an index that
     * may lag a write by a moment.
     */
    public SiteUpdate refresh(Collection<String> changedSlugs) {
        Map<String, ArticleRecord> published = published();
        for (String slug : changedSlugs) {
            articles.find(slug).filter(record -> record.state() == ArticleState.PUBLISHED)
                    .ifPresentOrElse(record -> published.put(slug, record), () -> published.remove(slug));
        }
        Map<String, String> existing = bucket.fingerprints();
        return apply(builder.build(published.values()), existing, SiteBuilder::owns);
    }

    /**
     * From the records alone: every published article's page as rendered when it was published,
     * every derived file, and nothing else of ours (pages of unpublished articles are removed).
     */
    public SiteUpdate rebuild() {
        Map<String, ArticleRecord> published = published();
        Map<String, SiteObject> files = new HashMap<>(builder.build(published.values()));
        for (ArticleRecord record : published.values()) {
            renderedPages.webPage(record.slug()).ifPresent(html ->
                    files.put(SitePaths.articlePage(record.slug()), SiteObject.of(SitePaths.articlePage(record.slug()), html, SiteObject.HTML)));
        }
        return apply(files, bucket.fingerprints(), key -> SiteBuilder.owns(key) || SitePaths.slugOfArticlePage(key) != null);
    }

    private Map<String, ArticleRecord> published() {
        Map<String, ArticleRecord> bySlug = new HashMap<>();
        articles.published().forEach(record -> bySlug.put(record.slug(), record));
        return bySlug;
    }

    private SiteUpdate apply(Map<String, SiteObject> files, Map<String, String> existing, java.util.function.Predicate<String> ours) {
        List<String> written = new ArrayList<>();
        int unchanged = 0;
        for (SiteObject file : files.values()) {
            if (file.fingerprint().equals(existing.get(file.key()))) {
                unchanged++;
            } else {
                bucket.put(file);
                written.add(file.key());
            }
        }
        List<String> stale = existing.keySet().stream().filter(ours).filter(key -> !files.containsKey(key)).sorted().toList();
        if (!stale.isEmpty()) {
            bucket.delete(stale);
        }
        return new SiteUpdate(written, stale, unchanged);
    }
}
