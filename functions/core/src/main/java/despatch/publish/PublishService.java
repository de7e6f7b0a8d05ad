package despatch.publish;

import despatch.article.Article;
import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.article.Problem;
import despatch.article.UploadText;
import despatch.office.SitePaths;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The publish path for one upload. Everything that can fail because of the upload (parsing,
 * validation, rendering) happens before anything is written, so a bad upload publishes nothing.
 * The writes are idempotent and ordered so that a retry after a crash finishes the job: email,
 * then page, then the record that says it is done, then the campaign and the site's listings.
 *
 * <p>An upload under an existing article's name is a correction: the page, listings and feeds
 * change and say "Updated"; the email is not sent again (the campaign is made once per article).
 * An upload with {@code unpublish: yes} takes the article off the site and stops its campaign.
 */
public final class PublishService {
    public static final String ARTICLES_PREFIX = "articles/";

    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final UploadStore uploads;
    private final Targets targets;
    private final Clock clock;

    /** Where a publish writes: the site's pages, the stored email, the records, sending, the site's listings. */
    public record Targets(SitePublisher site, RenderedEmailStore emails, ArticleStore articles, CampaignStarter campaigns,
                          SiteChanges siteChanges) {
    }

    public PublishService(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, Targets targets, Clock clock) {
        this.parser = parser;
        this.renderer = renderer;
        this.uploads = uploads;
        this.targets = targets;
        this.clock = clock;
    }

    public PublishOutcome publish(String uploadKey) {
        if (!uploadKey.startsWith(ARTICLES_PREFIX) || uploadKey.endsWith("/")) {
            return new PublishOutcome.Ignored(uploadKey, "not an article upload");
        }
        if (uploadKey.endsWith(RejectionReport.SUFFIX)) {
            return new PublishOutcome.Ignored(uploadKey, "a rejection report");
        }
        Instant now = clock.instant();
        try {
            byte[] content = uploads.read(uploadKey, UploadText.MAX_BYTES);
            ParsedArticle parsed = keepAddress(uploadKey, parser.parse(fileName(uploadKey), content));
            Optional<ArticleRecord> existing = targets.articles().find(parsed.article().slug());
            checkSlugIsOurs(parsed.article().slug(), uploadKey, existing);
            if (parsed.unpublish()) {
                return unpublish(uploadKey, parsed, existing, now);
            }
            // Once on the site, an article stays there: a correction cannot embargo it again.
            Instant firstPublished = existing.map(ArticleRecord::publishedAt).orElse(null);
            Instant embargo = firstPublished != null ? null : parsed.article().embargoTime().map(time -> time.toInstant()).orElse(null);
            RenderedArticle rendered = renderer.render(parsed.article(), firstPublished != null ? now : null);
            List<String> warnings = new ArrayList<>(RenderedChecks.withRenderedWarnings(parsed.warnings(), rendered));
            if (firstPublished != null && parsed.article().embargoTime().filter(time -> time.toInstant().isAfter(now)).isPresent()) {
                warnings.add("The article is already on the site, so its new embargo was ignored; the correction is live now.");
            }
            return write(uploadKey, parsed.article(), rendered, warnings, embargo, firstPublished, now);
        } catch (ArticleRejectedException e) {
            uploads.recordRejection(uploadKey, RejectionReport.json(uploadKey, e.problems(), now));
            return new PublishOutcome.Rejected(uploadKey, e.problems());
        } catch (UploadNotFoundException e) {
            // Deleted (or renamed) between the event and now: there is nothing left to publish.
            return new PublishOutcome.Ignored(uploadKey, "the upload was removed before it could be published");
        }
    }

    /**
     * A correction whose title changed keeps the address its article already has: links in the
     * emails already sent, and in other sites, keep working. An explicit {@code slug:} wins.
     */
    private ParsedArticle keepAddress(String uploadKey, ParsedArticle parsed) {
        String derived = parsed.article().slug();
        Optional<String> previous = parsed.slugChosen() ? Optional.empty() : targets.articles().slugPublishedFrom(uploadKey);
        if (previous.isEmpty() || previous.get().equals(derived)) {
            return parsed;
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.add("The title changed, but the article keeps its address " + SitePaths.articleDirectory(previous.get())
                + " so links already sent keep working. To give it a new address instead, set `slug:` in the front matter (the old page then stays until unpublished).");
        return new ParsedArticle(parsed.article().withSlug(previous.get()), warnings, parsed.unpublish(), false);
    }

    /**
     * Two uploads that come to the same address must not silently replace each other. The same
     * upload key again is a correction and may. (Checked before any write; two different uploads
     * racing for one new slug within the same second can still collide.)
     */
    private static void checkSlugIsOurs(String slug, String uploadKey, Optional<ArticleRecord> existing)
            throws ArticleRejectedException {
        Optional<String> owner = existing.map(ArticleRecord::uploadKey);
        if (owner.isPresent() && !owner.get().equals(uploadKey)) {
            throw new ArticleRejectedException(new Problem("slug", "The address " + SitePaths.articleDirectory(slug)
                    + " already belongs to the article uploaded as " + owner.get() + ". To correct or unpublish that article, "
                    + "upload the new version under that same name; for a new article, give it its own `slug:` in the front matter."));
        }
    }

    private PublishOutcome write(String uploadKey, Article article, RenderedArticle rendered, List<String> warnings,
                                 Instant embargo, Instant firstPublished, Instant now) {
        String emailLocation = targets.emails().save(article.slug(), rendered);
        boolean scheduled = embargo != null && embargo.isAfter(now);
        String webPath = SitePaths.articleDirectory(article.slug());
        if (!scheduled) {
            targets.site().putPage(SitePaths.articlePage(article.slug()), rendered.webHtml());
        }
        Instant publishedAt = scheduled ? null : firstPublished != null ? firstPublished : now;
        targets.articles().save(new ArticleRecord(article.slug(), article.title(), article.summary(), article.kind(), article.date(),
                article.lists(), scheduled ? ArticleState.SCHEDULED : ArticleState.PUBLISHED, embargo, publishedAt, now, uploadKey,
                webPath, emailLocation, warnings));
        // After the record: a retry after a crash here makes the campaign then (it is made once, so a correction sends nothing).
        targets.campaigns().articleReady(article.slug(), rendered.subject(), new LinkedHashSet<>(article.lists()), embargo);
        if (!scheduled) {
            targets.siteChanges().changed(article.slug());
        }
        uploads.clearRejection(uploadKey);
        return scheduled
                ? new PublishOutcome.Scheduled(uploadKey, article.slug(), embargo, warnings)
                : new PublishOutcome.Published(uploadKey, article.slug(), webPath, firstPublished != null, warnings);
    }

    /** Stop first (no send may start from a page that is going), then the page, the record, the listings. */
    private PublishOutcome unpublish(String uploadKey, ParsedArticle parsed, Optional<ArticleRecord> existing, Instant now) {
        Article article = parsed.article();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        if (existing.isEmpty()) {
            warnings.add("There was no article at " + SitePaths.articleDirectory(article.slug()) + " to unpublish; nothing changed.");
            uploads.clearRejection(uploadKey);
            return new PublishOutcome.Unpublished(uploadKey, article.slug(), warnings);
        }
        targets.campaigns().articleWithdrawn(article.slug());
        targets.site().deletePage(SitePaths.articlePage(article.slug()));
        ArticleRecord record = existing.get();
        targets.articles().save(new ArticleRecord(record.slug(), record.title(), record.summary(), record.kind(), record.date(),
                record.lists(), ArticleState.UNPUBLISHED, record.embargo(), record.publishedAt(), now, uploadKey, record.webPath(),
                record.emailLocation(), warnings));
        targets.siteChanges().changed(article.slug());
        uploads.clearRejection(uploadKey);
        return new PublishOutcome.Unpublished(uploadKey, article.slug(), warnings);
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
