package despatch.publish;

import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.article.UploadText;
import despatch.office.SitePaths;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import despatch.article.Problem;

/**
 * The publish path for one upload. Everything that can fail because of the upload (parsing,
 * validation, rendering) happens before anything is written, so a bad upload publishes nothing.
 * The writes are idempotent and ordered so that a retry after a crash finishes the job: email,
 * then page, then the record that says it is done.
 */
public final class PublishService {
    public static final String ARTICLES_PREFIX = "articles/";

    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final UploadStore uploads;
    private final SitePublisher site;
    private final RenderedEmailStore emails;
    private final ArticleStore articles;
    private final CampaignStarter campaigns;
    private final Clock clock;

    public PublishService(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, SitePublisher site,
                          RenderedEmailStore emails, ArticleStore articles, CampaignStarter campaigns, Clock clock) {
        this.parser = parser;
        this.renderer = renderer;
        this.uploads = uploads;
        this.site = site;
        this.emails = emails;
        this.articles = articles;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public PublishOutcome publish(String uploadKey) {
        if (!uploadKey.startsWith(ARTICLES_PREFIX) || uploadKey.endsWith("/")) {
            return new PublishOutcome.Ignored(uploadKey, "not an article upload");
        }
        if (uploadKey.endsWith(RejectionReport.SUFFIX)) {
            return new PublishOutcome.Ignored(uploadKey, "a rejection report");
        }
        ParsedArticle parsed;
        RenderedArticle rendered;
        List<String> warnings;
        try {
            byte[] content = uploads.read(uploadKey, UploadText.MAX_BYTES);
            parsed = parser.parse(fileName(uploadKey), content);
            rendered = renderer.render(parsed.article());
            warnings = RenderedChecks.withRenderedWarnings(parsed.warnings(), rendered);
            checkSlugIsOurs(parsed.article().slug(), uploadKey);
        } catch (ArticleRejectedException e) {
            uploads.recordRejection(uploadKey, RejectionReport.json(uploadKey, e.problems(), clock.instant()));
            return new PublishOutcome.Rejected(uploadKey, e.problems());
        } catch (UploadNotFoundException e) {
            // Deleted (or renamed) between the event and now: there is nothing left to publish.
            return new PublishOutcome.Ignored(uploadKey, "the upload was removed before it could be published");
        }
        return write(uploadKey, parsed, rendered, warnings);
    }

    /**
     * Two uploads that come to the same address must not silently replace each other. The same
     * upload key again is a correction and may. (Checked before any write; two different uploads
     * racing for one new slug within the same second can still collide.)
     */
    private void checkSlugIsOurs(String slug, String uploadKey) throws ArticleRejectedException {
        Optional<String> owner = articles.uploadKeyOf(slug);
        if (owner.isPresent() && !owner.get().equals(uploadKey)) {
            throw new ArticleRejectedException(new Problem("slug", "The address " + SitePaths.articleDirectory(slug)
                    + " already belongs to the article uploaded as " + owner.get() + ". To correct that article, upload the "
                    + "new version under that same name; for a new article, give it its own `slug:` in the front matter."));
        }
    }

    private PublishOutcome write(String uploadKey, ParsedArticle parsed, RenderedArticle rendered, List<String> warnings) {
        var article = parsed.article();
        Instant now = clock.instant();
        String emailLocation = emails.save(article.slug(), rendered);
        Instant embargo = article.embargoTime().map(time -> time.toInstant()).orElse(null);
        boolean scheduled = embargo != null && embargo.isAfter(now);
        String webPath = SitePaths.articleDirectory(article.slug());
        if (!scheduled) {
            site.putPage(SitePaths.articlePage(article.slug()), rendered.webHtml());
        }
        articles.save(new ArticleRecord(article.slug(), article.title(), article.summary(), article.kind(), article.date(),
                article.lists(), scheduled ? ArticleState.SCHEDULED : ArticleState.PUBLISHED, embargo,
                scheduled ? null : now, now, uploadKey, webPath, emailLocation, warnings));
        // After the record: a retry after a crash here makes the campaign then (it is made once).
        campaigns.articleReady(article.slug(), rendered.subject(), new java.util.LinkedHashSet<>(article.lists()), embargo);
        uploads.clearRejection(uploadKey);
        return scheduled
                ? new PublishOutcome.Scheduled(uploadKey, article.slug(), embargo, warnings)
                : new PublishOutcome.Published(uploadKey, article.slug(), webPath, warnings);
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
