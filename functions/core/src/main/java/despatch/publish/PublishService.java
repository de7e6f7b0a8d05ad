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
import despatch.common.ConcurrentChangeException;
import despatch.common.Hashes;
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
    private static final int ATTEMPTS = 3;

    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final UploadStore uploads;
    private final Targets targets;
    private final ApprovalGate approval;
    private final PublishNotices notices;
    private final ArticleImages images;
    private final Clock clock;

    /** Where a publish writes: the site's pages, the stored email, the records, sending, the site's listings. */
    public record Targets(SitePublisher site, RenderedEmailStore emails, ArticleStore articles, CampaignStarter campaigns,
                          SiteChanges siteChanges) {
    }

    public PublishService(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, Targets targets, Clock clock) {
        this(parser, renderer, uploads, targets, ApprovalGate.none(), clock);
    }

    /** @param approval where uploads wait for an approver, if the office asks for one */
    public PublishService(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, Targets targets, ApprovalGate approval,
            Clock clock) {
        this(parser, renderer, uploads, targets, approval, PublishNotices.NONE, clock);
    }

    /** @param notices who is told what became of each upload */
    public PublishService(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, Targets targets, ApprovalGate approval,
            PublishNotices notices, Clock clock) {
        this.notices = notices;
        this.parser = parser;
        this.renderer = renderer;
        this.uploads = uploads;
        this.targets = targets;
        this.approval = approval;
        this.images = new ArticleImages(uploads, parser.office().siteBaseUrl());
        this.clock = clock;
    }

    public PublishOutcome publish(String uploadKey) {
        if (!uploadKey.startsWith(ARTICLES_PREFIX) || uploadKey.endsWith("/")) {
            return new PublishOutcome.Ignored(uploadKey, "not an article upload");
        }
        if (uploadKey.endsWith(RejectionReport.SUFFIX)) {
            return new PublishOutcome.Ignored(uploadKey, "a rejection report");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return told(uploadKey, publishOnce(uploadKey));
            } catch (ConcurrentChangeException e) {
                // An embargo released, or another upload took the address, between our read and our write: decide again.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * After the outcome is settled. A notice that fails (the log, an email, reading who uploaded
     * it) is dropped: failing here would make Lambda publish the upload again, and send again.
     */
    private PublishOutcome told(String uploadKey, PublishOutcome outcome) {
        if (notices != PublishNotices.NONE && !(outcome instanceof PublishOutcome.Ignored)) {
            try {
                notices.tell(uploadKey, uploads.uploader(uploadKey), outcome);
            } catch (RuntimeException e) {
                // Dropped: see above. The outcome itself is in the function's log.
            }
        }
        return outcome;
    }

    private PublishOutcome publishOnce(String uploadKey) {
        Instant now = clock.instant();
        try {
            byte[] content = uploads.read(uploadKey, UploadText.maxBytes(uploadKey));
            ParsedArticle parsed = parser.parse(fileName(uploadKey), content);
            parsed = sameAddressAsBefore(uploadKey, parsed);
            Optional<ArticleRecord> existing = targets.articles().find(parsed.article().slug());
            checkSlugIsOurs(parsed.article().slug(), uploadKey, existing);
            Optional<ArticleRecord> movingFrom = movingFrom(uploadKey, parsed);
            if (parsed.unpublish()) {
                // Taking an article down never waits for approval: it sends nothing, and may be urgent.
                PublishOutcome outcome = unpublish(uploadKey, parsed, existing, now);
                approval.done(uploadKey);
                return outcome;
            }
            ArticleImages.Prepared imaged = images.forSite(uploadKey, content, parsed, targets.site());
            return republishOrPublish(uploadKey, imaged.uploadFingerprint(), imaged, existing, movingFrom, now);
        } catch (ArticleRejectedException e) {
            uploads.recordRejection(uploadKey, RejectionReport.json(uploadKey, e.problems(), now));
            return new PublishOutcome.Rejected(uploadKey, e.problems());
        } catch (UploadNotFoundException e) {
            // Deleted (or renamed) between the event and now: there is nothing left to publish.
            return new PublishOutcome.Ignored(uploadKey, "the upload was removed before it could be published");
        }
    }

    /**
     * @param movingFrom the article this upload published at another address, which a chosen
     *     {@code slug:} now moves here: a correction, published here, its old address redirecting
     */
    private PublishOutcome republishOrPublish(String uploadKey, String uploadHash, ArticleImages.Prepared imaged,
            Optional<ArticleRecord> existing, Optional<ArticleRecord> movingFrom, Instant now) throws ArticleRejectedException {
        ParsedArticle parsed = imaged.parsed();
        Article article = parsed.article();
        String hash = ContentHash.of(article);
        // Once on the site, an article stays there: a correction cannot embargo it again. A moved one was on the site already.
        Instant firstPublished = existing.map(ArticleRecord::publishedAt).or(() -> movingFrom.map(ArticleRecord::publishedAt)).orElse(null);
        Instant newEmbargo = article.embargoTime().map(time -> time.toInstant()).filter(time -> time.isAfter(now)).orElse(null);
        if (existing.filter(record -> record.state() == ArticleState.UNPUBLISHED).isPresent() && newEmbargo != null) {
            throw new ArticleRejectedException(new Problem("embargo", "This article was unpublished, which cancelled its "
                    + "campaign, so an embargo cannot bring it back on time. Upload it without `embargo:` to put it back on "
                    + "the site now (no email is sent), or publish it as a new article with its own file name and `slug:`."));
        }
        // The same text again (a check, a duplicate event, a retry) is not a correction: nothing says "Updated".
        boolean unchanged = existing.filter(record -> record.state() == ArticleState.PUBLISHED && hash.equals(record.contentHash()))
                .isPresent();
        Instant correctedAt = firstPublished == null ? null : unchanged ? existing.get().correctedAt() : now;
        Instant updatedAt = unchanged ? existing.get().updatedAt() : now;
        RenderedArticle rendered = renderer.render(article, correctedAt);
        List<String> warnings = new ArrayList<>(RenderedChecks.withRenderedWarnings(parsed.warnings(), rendered));
        if (firstPublished != null && newEmbargo != null) {
            warnings.add("The article is already on the site, so its new embargo was ignored; the correction is live now.");
        }
        Instant embargo = firstPublished != null ? null : article.embargoTime().map(time -> time.toInstant()).orElse(null);
        // Every check has passed: from here on it is written, unless it must wait for an approver.
        // What is on the site already, unchanged (an S3 event delivered twice, the approved copy's own event), needs no approval.
        Optional<PublishOutcome> waiting = unchanged ? Optional.empty()
                : approval.hold(uploadKey, uploadHash, article, () -> uploads.uploader(uploadKey), now);
        if (waiting.isPresent()) {
            uploads.clearRejection(uploadKey);
            return waiting.get();
        }
        // The images first: the page and the email point at them.
        imaged.files().forEach(targets.site()::putImage);
        if (movingFrom.isPresent()) {
            moveAway(movingFrom.get(), article.slug(), uploadKey, now);
            warnings.add("Moved from " + SitePaths.articleDirectory(movingFrom.get().slug()) + ": that address now redirects here. No email"
                    + " was sent: its campaign went with the article's first publication.");
        }
        PublishOutcome written = write(uploadKey, article, rendered, warnings, embargo, existing.orElse(null), updatedAt,
                new Fingerprints(hash, uploadHash), correctedAt != null, movingFrom.isEmpty());
        approval.done(uploadKey);
        return written;
    }

    /**
     * The article this upload published at another address, when its chosen {@code slug:} moves it
     * here: it was published (or a move of it stopped halfway, and this finishes it). An embargoed
     * one cannot move: its schedule and campaign are its address's.
     */
    private Optional<ArticleRecord> movingFrom(String uploadKey, ParsedArticle parsed) throws ArticleRejectedException {
        if (!parsed.slugChosen() || parsed.unpublish()) {
            return Optional.empty();
        }
        String here = parsed.article().slug();
        Optional<ArticleRecord> previous = targets.articles().slugPublishedFrom(uploadKey).filter(slug -> !slug.equals(here))
                .flatMap(slug -> targets.articles().find(slug));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        ArticleRecord old = previous.get();
        if (old.state() == ArticleState.SCHEDULED) {
            throw new ArticleRejectedException(new Problem("slug", "This file's article is embargoed at " + SitePaths.articleDirectory(
                    old.slug()) + ", and an embargoed article cannot move before it is out. Correct it at that address (`slug: " + old.slug()
                    + "`), or unpublish it and publish it anew under its own file name."));
        }
        boolean published = old.state() == ArticleState.PUBLISHED;
        boolean halfMoved = old.state() == ArticleState.MOVED && SitePaths.articleDirectory(here).equals(old.webPath());
        return published || halfMoved ? previous : Optional.empty();
    }

    /** The old address first: a redirect to the new one, and its record marked moved (off every listing). */
    private void moveAway(ArticleRecord old, String newSlug, String uploadKey, Instant now) {
        targets.site().putMoved(SitePaths.articlePage(old.slug()), "/" + SitePaths.articleDirectory(newSlug));
        if (old.state() != ArticleState.MOVED) {
            targets.articles().save(old.movedTo(newSlug, now, uploadKey), old);
        }
        targets.siteChanges().changed(old.slug());
    }

    /**
     * A file publishes one article. Uploaded again with a title that gives another address, it is
     * either a corrected title or a new article in a reused file; guessing wrong would either leave
     * a duplicate (and email everyone again) or replace last month's article. So it is refused with
     * both ways out, unless {@code slug:} says which. Unpublishing always means the file's article.
     */
    private ParsedArticle sameAddressAsBefore(String uploadKey, ParsedArticle parsed) throws ArticleRejectedException {
        String derived = parsed.article().slug();
        Optional<String> previous = parsed.slugChosen() ? Optional.empty() : targets.articles().slugPublishedFrom(uploadKey);
        if (previous.isEmpty() || previous.get().equals(derived)) {
            return parsed;
        }
        if (parsed.unpublish()) {
            return parsed.with(parsed.article().withSlug(previous.get()));
        }
        throw new ArticleRejectedException(new Problem("slug", "This file published the article at "
                + SitePaths.articleDirectory(previous.get()) + ", and its new title would give it another address ("
                + SitePaths.articleDirectory(derived) + "). To correct that article, add `slug: " + previous.get()
                + "` to the front matter; for a new article, upload it under a new file name."));
    }

    /**
     * Two uploads that come to the same address must not silently replace each other. The same
     * upload key again is a correction and may. (Checked before any write; two different uploads
     * racing for one new slug both pass here, and the record's conditional write turns the later one
     * back to this check.)
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

    /** What the article says ({@link ContentHash}), and the upload's bytes that said it. */
    private record Fingerprints(String content, String upload) {
    }

    /** @param startsCampaign false for a move: the article's campaign was made when it was first published */
    private PublishOutcome write(String uploadKey, Article article, RenderedArticle rendered, List<String> warnings,
                                 Instant embargo, ArticleRecord replacing, Instant updatedAt, Fingerprints fingerprints,
                                 boolean corrected, boolean startsCampaign) {
        Instant firstPublished = replacing == null ? null : replacing.publishedAt();
        String emailLocation = targets.emails().save(article.slug(), rendered);
        // An article with an embargo was never on the site, so it cannot be unchanged: updatedAt is now.
        boolean scheduled = embargo != null && embargo.isAfter(updatedAt);
        String webPath = SitePaths.articleDirectory(article.slug());
        if (!scheduled) {
            targets.site().putPage(SitePaths.articlePage(article.slug()), rendered.webHtml());
        }
        Instant publishedAt = scheduled ? null : firstPublished != null ? firstPublished : updatedAt;
        targets.articles().save(new ArticleRecord(article.slug(), article.title(), article.summary(), article.kind(), article.date(),
                article.lists(), scheduled ? ArticleState.SCHEDULED : ArticleState.PUBLISHED, embargo, publishedAt, updatedAt, uploadKey,
                webPath, emailLocation, warnings, fingerprints.content(), fingerprints.upload()), replacing);
        // After the record: a retry after a crash here makes the campaign then (it is made once, so a correction sends nothing).
        if (startsCampaign) {
            targets.campaigns().articleReady(article.slug(), rendered.subject(), new LinkedHashSet<>(article.lists()), embargo);
        }
        if (!scheduled) {
            targets.siteChanges().changed(article.slug());
        }
        uploads.clearRejection(uploadKey);
        return scheduled
                ? new PublishOutcome.Scheduled(uploadKey, article.slug(), embargo, warnings)
                : new PublishOutcome.Published(uploadKey, article.slug(), webPath, corrected, warnings);
    }

    /** Stop first (no send may start from a page that is going), then the page, the record, the listings. */
    private PublishOutcome unpublish(String uploadKey, ParsedArticle parsed, Optional<ArticleRecord> existing, Instant now) {
        Article article = parsed.article();
        // The parser's warnings are about publishing (lists, images); none of them applies to taking it down.
        List<String> warnings = new ArrayList<>();
        if (existing.isEmpty()) {
            warnings.add("There was no article at " + SitePaths.articleDirectory(article.slug()) + " to unpublish; nothing changed.");
            uploads.clearRejection(uploadKey);
            return new PublishOutcome.Unpublished(uploadKey, article.slug(), warnings);
        }
        targets.campaigns().articleWithdrawn(article.slug());
        targets.site().deletePage(SitePaths.articlePage(article.slug()));
        targets.site().deleteUnder(SitePaths.articleImages(article.slug()));
        targets.articles().save(existing.get().moved(ArticleState.UNPUBLISHED, now, uploadKey, warnings), existing.get());
        targets.siteChanges().changed(article.slug());
        uploads.clearRejection(uploadKey);
        return new PublishOutcome.Unpublished(uploadKey, article.slug(), warnings);
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
