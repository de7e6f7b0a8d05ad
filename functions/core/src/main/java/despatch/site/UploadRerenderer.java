package despatch.site;

import despatch.article.Article;
import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.article.UploadText;
import despatch.publish.ArticleImages;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleStore;
import despatch.publish.SitePublisher;
import despatch.publish.UploadNotFoundException;
import despatch.publish.UploadStore;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import java.time.Instant;
import java.util.Optional;

/**
 * A published article's page made again from the upload that published it: parsed and rendered
 * as today's code and templates would, keeping what the record says happened (its address, its
 * date, when it was corrected, what its embargo line said). Only the page changes: the email stays
 * as it was sent. The new page is kept as the article's stored rendering too, so a later plain
 * rebuild keeps the design.
 *
 * <p>The upload must still be the one that was published: a later version may have been rejected
 * (it stays, with its reason beside it) or be waiting for approval, and re-rendering would publish
 * it unchecked. Records say which upload (its bytes and the images beside it) they were published
 * from; a record older than that is re-rendered only if its upload was last written before the
 * article was, and still gives the same title and summary.
 */
public final class UploadRerenderer implements PageRerenderer {
    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final UploadStore uploads;
    private final SiteStores stores;
    private final ArticleImages images;

    /** Where a re-render reads the record again and writes: the site, the stored pages, the article records. */
    public record SiteStores(SitePublisher site, RenderedPages pages, ArticleStore articles) {
    }

    public UploadRerenderer(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, SiteStores stores) {
        this.parser = parser;
        this.renderer = renderer;
        this.uploads = uploads;
        this.stores = stores;
        this.images = new ArticleImages(uploads, parser.office().siteBaseUrl());
    }

    @Override
    public Result rerender(ArticleRecord record) {
        String key = record.uploadKey();
        try {
            return rerender(record, key);
        } catch (UploadNotFoundException e) {
            return Result.kept(key + " is no longer in the uploads bucket");
        } catch (ArticleRejectedException e) {
            return Result.kept(key + " no longer passes the checks: " + e.problems().getFirst().message());
        } catch (RuntimeException e) {
            // One article's trouble (a throttled read, say) must not stop the others; its page stays, and says so.
            return Result.kept(key + " could not be read or rendered (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Result rerender(ArticleRecord record, String key) throws ArticleRejectedException {
        byte[] content = uploads.read(key, UploadText.maxBytes(key));
        if (record.uploadHash() == null && !writtenBefore(key, record.updatedAt())) {
            return Result.kept(key + " was written after the article was published, so it may be a later version");
        }
        ParsedArticle parsed = parser.parse(key.substring(key.lastIndexOf('/') + 1), content);
        Article article = parsed.article();
        if (record.uploadHash() == null && !(article.title().equals(record.title()) && article.summary().equals(record.summary()))) {
            return Result.kept(key + " no longer gives the published title and summary, so it may be a later version");
        }
        parsed = parsed.with(article.asPublished(record.slug(), record.date()));
        ArticleImages.Prepared prepared = images.forSite(key, content, parsed, stores.site());
        if (record.uploadHash() != null && !record.uploadHash().equals(prepared.uploadFingerprint())) {
            return Result.kept(key + " (or an image beside it) has changed since it was published (a later version was rejected or "
                    + "waits for approval)");
        }
        // An embargoed release's page was made before its embargo ended, and says when it was released: made as of then again.
        RenderedArticle rendered = record.embargo() == null ? renderer.render(prepared.parsed().article(), record.correctedAt())
                : renderer.render(prepared.parsed().article(), record.correctedAt(), record.embargo().minusMillis(1));
        // Published or corrected meanwhile: that upload's own page is newer than this one.
        if (!stores.articles().find(record.slug()).equals(Optional.of(record))) {
            return Result.kept("it changed while the site was being re-rendered");
        }
        prepared.files().forEach(stores.site()::putImage);
        stores.pages().saveWebPage(record.slug(), rendered.webHtml());
        return Result.page(rendered.webHtml());
    }

    private boolean writtenBefore(String key, Instant published) {
        return uploads.lastModified(key).filter(modified -> published != null && !modified.isAfter(published)).isPresent();
    }

}
