package despatch.publish;

import despatch.render.RenderedArticle;
import java.util.HashMap;
import java.util.Map;

/** The site, the email store and the article records, in maps, for the core's unit tests. */
final class InMemoryPublishTargets implements SitePublisher, RenderedEmailStore, ArticleStore, CampaignStarter, SiteChanges {
    final Map<String, String> pages = new HashMap<>();
    final Map<String, RenderedArticle> emails = new HashMap<>();
    final Map<String, ArticleRecord> records = new HashMap<>();
    final Map<String, ImageFile> images = new java.util.TreeMap<>();

    @Override
    public void putPage(String path, String html) {
        moved.remove(path);
        pages.put(path, html);
    }

    @Override
    public void putImage(ImageFile image) {
        images.put(image.key(), image);
    }

    @Override
    public java.util.Set<String> keysUnder(String folder) {
        return images.keySet().stream().filter(key -> key.startsWith(folder)).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void deleteUnder(String folder) {
        images.keySet().removeIf(key -> key.startsWith(folder));
    }

    @Override
    public String save(String slug, RenderedArticle rendered) {
        emails.put(slug, rendered);
        return "memory://rendered/" + slug + "/";
    }

    /** Runs once before the next save's condition is checked: a release or another upload getting there first. */
    Runnable beforeNextSave = () -> { };

    @Override
    public void save(ArticleRecord record, ArticleRecord replacing) {
        Runnable meanwhile = beforeNextSave;
        beforeNextSave = () -> { };
        meanwhile.run();
        if (!java.util.Objects.equals(records.get(record.slug()), replacing)) {
            throw new despatch.common.ConcurrentChangeException("changed since read");
        }
        records.put(record.slug(), record);
    }

    /** Moved articles' old pages: where each redirects. */
    final Map<String, String> moved = new HashMap<>();

    @Override
    public void putMoved(String path, String location) {
        pages.remove(path);
        moved.put(path, location);
    }

    @Override
    public void deletePage(String path) {
        pages.remove(path);
    }

    @Override
    public java.util.Optional<ArticleRecord> find(String slug) {
        return java.util.Optional.ofNullable(records.get(slug));
    }

    @Override
    public java.util.Optional<String> slugPublishedFrom(String uploadKey) {
        // As the table's pointer does: the address the upload last published at, not one it moved away from.
        return records.values().stream().filter(record -> record.uploadKey().equals(uploadKey))
                .sorted(java.util.Comparator.comparing((ArticleRecord record) -> record.state() == ArticleState.MOVED))
                .map(ArticleRecord::slug).findFirst();
    }

    @Override
    public java.util.Set<String> publishedSlugs() {
        return records.values().stream().filter(record -> record.state() == ArticleState.PUBLISHED).map(ArticleRecord::slug)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public java.util.List<ArticleRecord> findAll(java.util.Collection<String> slugs) {
        return slugs.stream().map(records::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public boolean release(ArticleRecord record, java.time.Instant at) {
        throw new UnsupportedOperationException("publishing never releases");
    }

    /** Slugs the site was told about, in order. */
    public final java.util.List<String> siteChanges = new java.util.ArrayList<>();
    public final java.util.List<String> withdrawn = new java.util.ArrayList<>();

    @Override
    public void changed(String slug) {
        siteChanges.add(slug);
    }

    @Override
    public void articleWithdrawn(String slug) {
        withdrawn.add(slug);
    }

    PublishService.Targets targets() {
        return new PublishService.Targets(this, this, this, this, this);
    }

    boolean nothingWritten() {
        return pages.isEmpty() && emails.isEmpty() && records.isEmpty();
    }

    /** Campaigns publishing asked for: slug, subject, lists, embargo. */
    public record CampaignRequest(String slug, String subject, java.util.Set<String> lists, java.time.Instant embargo) {
    }

    public final java.util.List<CampaignRequest> campaignRequests = new java.util.ArrayList<>();

    @Override
    public void articleReady(String slug, String subject, java.util.Set<String> lists, java.time.Instant embargo) {
        campaignRequests.add(new CampaignRequest(slug, subject, lists, embargo));
    }
}
