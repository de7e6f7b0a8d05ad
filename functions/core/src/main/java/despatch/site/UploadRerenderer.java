package despatch.site;

import despatch.article.Article;
import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.article.UploadText;
import despatch.common.Hashes;
import despatch.office.SitePaths;
import despatch.publish.ArticleImages;
import despatch.publish.ArticleRecord;
import despatch.publish.SitePublisher;
import despatch.publish.UploadNotFoundException;
import despatch.publish.UploadStore;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import java.util.Set;

/**
 * A published article's page made again from the upload that published it: parsed and rendered
 * as today's code and templates would, keeping what the record says happened (its address, its
 * date, when it was corrected). Only the page changes: the email stays as it was sent. The new
 * page is kept as the article's stored rendering too, so a later plain rebuild keeps the design.
 *
 * <p>The file in the bucket must still be the one that was published: a later version may have been
 * rejected (it stays, with its reason beside it) or be waiting for approval, and re-rendering
 * would publish it unchecked. Records say which bytes they were published from; a record older
 * than that is re-rendered only if its upload still gives the same title and summary.
 */
public final class UploadRerenderer implements PageRerenderer {
    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final UploadStore uploads;
    private final SitePublisher site;
    private final RenderedPages pages;
    private final ArticleImages images;

    public UploadRerenderer(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads, SitePublisher site, RenderedPages pages) {
        this.parser = parser;
        this.renderer = renderer;
        this.uploads = uploads;
        this.site = site;
        this.pages = pages;
        this.images = new ArticleImages(uploads, parser.office().siteBaseUrl());
    }

    @Override
    public Result rerender(ArticleRecord record) {
        String key = record.uploadKey();
        try {
            byte[] content = uploads.read(key, UploadText.maxBytes(key));
            if (record.uploadHash() != null && !record.uploadHash().equals(Hashes.sha256(content))) {
                return Result.kept(key + " has changed since it was published (a later version was rejected or waits for approval)");
            }
            ParsedArticle parsed = parser.parse(key.substring(key.lastIndexOf('/') + 1), content);
            Article article = parsed.article();
            if (record.uploadHash() == null && !(article.title().equals(record.title()) && article.summary().equals(record.summary()))) {
                return Result.kept(key + " no longer gives the published title and summary, so it may be a later version");
            }
            parsed = parsed.with(article.asPublished(record.slug(), record.date()));
            Set<String> onSite = parsed.images().isEmpty() ? Set.of() : site.keysUnder(SitePaths.articleImages(record.slug()));
            ArticleImages.ForSite imaged = images.forSite(key, parsed, onSite);
            imaged.files().forEach(site::putImage);
            RenderedArticle rendered = renderer.render(imaged.parsed().article(), record.correctedAt());
            pages.saveWebPage(record.slug(), rendered.webHtml());
            return Result.page(rendered.webHtml());
        } catch (UploadNotFoundException e) {
            return Result.kept(key + " is no longer in the uploads bucket");
        } catch (ArticleRejectedException e) {
            return Result.kept(key + " no longer passes the checks: " + e.problems().getFirst().message());
        }
    }
}
