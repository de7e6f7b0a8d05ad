package despatch.site;

import despatch.office.SitePaths;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.ArticleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Keeps the site in line with the article records. Every update reads the published articles'
 * records consistently, derives the whole site from them and writes only the files whose bytes
 * differ from what the bucket holds (compared by fingerprint, without reading them), so two
 * articles published at once both appear whichever update runs last, and a new article into a
 * site of thousands writes a handful of files.
 * Updates must not run concurrently (the template gives them a FIFO queue with one group).
 */
public final class SiteService {
    private final ArticleStore articles;
    private final SiteBucket bucket;
    private final RenderedPages renderedPages;
    private final SiteBuilder builder;
    private final SiteCache cache;
    private final PageRerenderer rerenderer;

    public SiteService(ArticleStore articles, SiteBucket bucket, RenderedPages renderedPages, SiteBuilder builder) {
        this(articles, bucket, renderedPages, builder, SiteCache.NONE);
    }

    /** @param cache refreshed after each update: the paths written or removed, and the changed articles' pages */
    public SiteService(ArticleStore articles, SiteBucket bucket, RenderedPages renderedPages, SiteBuilder builder, SiteCache cache) {
        this(articles, bucket, renderedPages, builder, cache, null);
    }

    /** @param rerenderer makes articles' pages again from their uploads, for a re-rendering rebuild; null where there is none */
    public SiteService(ArticleStore articles, SiteBucket bucket, RenderedPages renderedPages, SiteBuilder builder, SiteCache cache,
            PageRerenderer rerenderer) {
        this.rerenderer = rerenderer;
        this.cache = cache;
        this.articles = articles;
        this.bucket = bucket;
        this.renderedPages = renderedPages;
        this.builder = builder;
    }

    /** Renders the derived pages of an empty site, touching no store: warms the templates before a SnapStart snapshot. */
    public int prime() {
        return builder.build(List.of()).size();
    }

    /** After these articles changed (published, corrected, released, unpublished). */
    public SiteUpdate refresh(Collection<String> changedSlugs) {
        return refresh(changedSlugs, false);
    }

    /**
     * @param retried the same changes were applied before and failed after writing (the cache not
     *     refreshed, say): the files are in the bucket already, so this update writes nothing and
     *     cannot tell which paths changed, and everything is refreshed
     */
    public SiteUpdate refresh(Collection<String> changedSlugs, boolean retried) {
        Map<String, String> existing = bucket.fingerprints();
        List<ArticleRecord> records = candidates(existing, changedSlugs);
        SiteUpdate update = apply(builder.build(published(records).values()), existing, SiteBuilder::owns);
        List<String> takenDown = records.stream().filter(record -> record.state() == ArticleState.UNPUBLISHED)
                .map(ArticleRecord::slug).filter(changedSlugs::contains).toList();
        cache.invalidate(retried ? List.of(SiteCache.EVERYTHING) : changedPaths(update, changedSlugs, takenDown));
        return update;
    }

    /**
     * What a refresh changed, as the CDN caches it: every file written or removed, and each changed
     * article's page (publishing, a release or unpublishing wrote or removed it before this update);
     * for an article taken down, its images too (kept a year at the edge otherwise, as their
     * addresses never change), as one wildcard path.
     */
    static List<String> changedPaths(SiteUpdate update, Collection<String> changedSlugs, Collection<String> takenDown) {
        Set<String> keys = new java.util.TreeSet<>(update.written());
        keys.addAll(update.deleted());
        changedSlugs.forEach(slug -> keys.add(SitePaths.articlePage(slug)));
        takenDown.forEach(slug -> keys.add(SitePaths.articleImages(slug) + "*"));
        return keys.stream().map(key -> "/" + key).toList();
    }

    /**
     * From the records alone: every published article's page as rendered when it was published,
     * every derived file, and nothing else of ours (pages of unpublished articles are removed). A
     * page whose stored rendering is missing is left as it is, never removed for that.
     */
    public SiteUpdate rebuild() {
        Map<String, String> existing = bucket.fingerprints();
        List<ArticleRecord> records = candidates(existing, Set.of());
        Map<String, ArticleRecord> published = published(records);
        Map<String, SiteObject> files = new HashMap<>(builder.build(published.values()));
        Set<String> keep = new HashSet<>();
        for (ArticleRecord record : published.values()) {
            String key = SitePaths.articlePage(record.slug());
            renderedPages.webPage(record.slug()).ifPresentOrElse(
                    html -> files.put(key, SiteObject.of(key, html, SiteObject.HTML)), () -> keep.add(key));
        }
        // A moved article's old address (its page in the bucket made it a candidate) keeps redirecting to where it went.
        for (ArticleRecord moved : records.stream().filter(record -> record.state() == ArticleState.MOVED).toList()) {
            String key = SitePaths.articlePage(moved.slug());
            files.put(key, SiteObject.movedTo(key, "/" + moved.webPath()));
        }
        SiteUpdate update = apply(files, existing, key -> !keep.contains(key) && (SiteBuilder.owns(key) || SitePaths.slugOfArticlePage(key) != null));
        cache.invalidate(List.of(SiteCache.EVERYTHING));
        return update;
    }

    /**
     * @param rerender make every published article's page again from its upload with the current
     *     templates (a change of design), all in one go; see {@link #rerender}
     */
    public SiteUpdate rebuild(boolean rerender) {
        return rerender ? rerender(null, () -> true) : rebuild();
    }

    /**
     * A re-rendering rebuild, or one part of it: every published article after {@code after} (by
     * slug; from the first when null) has its page made again from its upload with the current
     * templates, and written if its bytes changed, while {@code timeLeft} allows; a page that cannot
     * be made is kept as it was, and said why. Once none is left, the rebuild, which then finds the
     * new pages stored. A part that runs out of time says where to carry on, and leaves the CDN as
     * it is until the last part asks for everything.
     */
    public SiteUpdate rerender(String after, BooleanSupplier timeLeft) {
        if (rerenderer == null) {
            throw new IllegalStateException("this site service cannot re-render articles");
        }
        Map<String, String> existing = bucket.fingerprints();
        List<ArticleRecord> toDo = published(candidates(existing, Set.of())).values().stream()
                .filter(record -> after == null || record.slug().compareTo(after) > 0)
                .sorted(java.util.Comparator.comparing(ArticleRecord::slug)).toList();
        List<String> written = new ArrayList<>();
        List<String> notRerendered = new ArrayList<>();
        int unchanged = 0;
        String done = after;
        for (ArticleRecord record : toDo) {
            // Each part does at least one article, so a part never hands on the same place it was given.
            if (!java.util.Objects.equals(done, after) && !timeLeft.getAsBoolean()) {
                return new SiteUpdate(written, List.of(), unchanged, notRerendered, done);
            }
            PageRerenderer.Result result = rerenderer.rerender(record);
            if (result.html() == null) {
                notRerendered.add(SitePaths.articleDirectory(record.slug()) + ": kept as it was, as " + result.notRerendered());
            } else {
                SiteObject page = SiteObject.of(SitePaths.articlePage(record.slug()), result.html(), SiteObject.HTML);
                if (page.fingerprint().equals(existing.get(page.key()))) {
                    unchanged++;
                } else {
                    bucket.put(page);
                    written.add(page.key());
                }
            }
            done = record.slug();
        }
        SiteUpdate rebuilt = rebuild();
        // The pages just written come round again in the rebuild, as unchanged: counted once, as written.
        Set<String> allWritten = new java.util.LinkedHashSet<>(written);
        allWritten.addAll(rebuilt.written());
        return new SiteUpdate(List.copyOf(allWritten), rebuilt.deleted(), rebuilt.unchanged() - written.size(), notRerendered, null);
    }

    /**
     * The candidate articles, read consistently in one go: what the index lists as published (it
     * may lag a moment), every article with a page in the bucket (publishing writes the page before
     * the record, so a new article is there even when the index is not yet; a moved one's old page
     * is its redirect), and the articles just changed. One consistent read of each decides.
     */
    private List<ArticleRecord> candidates(Map<String, String> existing, Collection<String> changedSlugs) {
        Set<String> candidates = new HashSet<>(articles.publishedSlugs());
        existing.keySet().stream().map(SitePaths::slugOfArticlePage).filter(java.util.Objects::nonNull).forEach(candidates::add);
        candidates.addAll(changedSlugs);
        return articles.findAll(candidates);
    }

    private static Map<String, ArticleRecord> published(List<ArticleRecord> records) {
        Map<String, ArticleRecord> bySlug = new HashMap<>();
        records.stream().filter(record -> record.state() == ArticleState.PUBLISHED).forEach(record -> bySlug.put(record.slug(), record));
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
