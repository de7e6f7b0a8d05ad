package despatch.site;

import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.ArticleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The site bucket, the article records and the stored pages in maps, for the site's unit tests. */
final class InMemorySite implements SiteBucket, ArticleStore, RenderedPages, despatch.publish.SitePublisher {
    final Map<String, SiteObject> bucket = new HashMap<>();
    final Map<String, ArticleRecord> records = new HashMap<>();
    final Map<String, String> renderedPages = new HashMap<>();
    /** Slugs the published-articles index has not caught up with yet. */
    final List<String> lagging = new ArrayList<>();
    int puts;

    @Override
    public Map<String, String> fingerprints() {
        Map<String, String> fingerprints = new HashMap<>();
        bucket.forEach((key, object) -> fingerprints.put(key, object.fingerprint()));
        return fingerprints;
    }

    @Override
    public void put(SiteObject object) {
        puts++;
        bucket.put(object.key(), object);
    }

    @Override
    public void delete(Collection<String> keys) {
        keys.forEach(bucket::remove);
    }

    @Override
    public void save(ArticleRecord record, ArticleRecord replacing) {
        save(record);
    }

    void save(ArticleRecord record) {
        records.put(record.slug(), record);
    }

    @Override
    public Optional<ArticleRecord> find(String slug) {
        return Optional.ofNullable(records.get(slug));
    }

    @Override
    public Optional<String> slugPublishedFrom(String uploadKey) {
        throw new UnsupportedOperationException("the site never publishes");
    }

    @Override
    public java.util.Set<String> publishedSlugs() {
        return records.values().stream().filter(record -> record.state() == ArticleState.PUBLISHED && !lagging.contains(record.slug()))
                .map(ArticleRecord::slug).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public List<ArticleRecord> findAll(Collection<String> slugs) {
        return slugs.stream().distinct().map(records::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public boolean release(ArticleRecord record, Instant at) {
        throw new UnsupportedOperationException("the site never releases");
    }

    @Override
    public Optional<String> webPage(String slug) {
        return Optional.ofNullable(renderedPages.get(slug));
    }

    @Override
    public void putPage(String path, String html) {
        put(SiteObject.of(path, html, SiteObject.HTML));
    }

    @Override
    public void putMoved(String path, String location) {
        put(SiteObject.movedTo(path, location));
    }

    @Override
    public void deletePage(String path) {
        bucket.remove(path);
    }

    @Override
    public void putImage(despatch.publish.ImageFile image) {
        put(new SiteObject(image.key(), image.bytes(), image.contentType()));
    }

    @Override
    public java.util.Set<String> keysUnder(String folder) {
        return bucket.keySet().stream().filter(key -> key.startsWith(folder)).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void deleteUnder(String folder) {
        bucket.keySet().removeIf(key -> key.startsWith(folder));
    }

    @Override
    public void saveWebPage(String slug, String html) {
        renderedPages.put(slug, html);
    }

    String text(String key) {
        return bucket.get(key).text();
    }
}
