package despatch.lambda.aws;

import despatch.office.SitePaths;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.ArticleStore;
import despatch.publish.SiteChanges;
import despatch.publish.SitePublisher;
import despatch.sending.ArticleRelease;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * At an embargo's end: the web page rendered at upload time (rendered/&lt;slug&gt;/web.html in the
 * uploads bucket) goes to its place on the site, the article record becomes PUBLISHED, and the
 * site's listings, feeds and sitemap are asked to follow. Every step is safe to repeat; an article
 * unpublished meanwhile stays off the site.
 */
public final class S3ArticleRelease implements ArticleRelease {
    private final S3Client s3;
    private final String uploadsBucket;
    private final SitePublisher site;
    private final ArticleStore articles;
    private final SiteChanges siteChanges;
    private final Clock clock;

    public S3ArticleRelease(S3Client s3, String uploadsBucket, String siteBucket, ArticleStore articles, SiteChanges siteChanges,
            Clock clock) {
        this.s3 = s3;
        this.uploadsBucket = uploadsBucket;
        this.site = new S3SitePublisher(s3, siteBucket);
        this.articles = articles;
        this.siteChanges = siteChanges;
        this.clock = clock;
    }

    @Override
    public void release(String slug) {
        Optional<ArticleRecord> record = articles.find(slug).filter(found -> found.state() != ArticleState.UNPUBLISHED);
        if (record.isEmpty()) {
            return;
        }
        String page = s3.getObjectAsBytes(get -> get.bucket(uploadsBucket).key(S3RenderedEmailStore.PREFIX + slug + "/web.html"))
                .asUtf8String();
        site.putPage(SitePaths.articlePage(slug), page);
        if (!articles.release(record.get(), clock.instant())) {
            // Unpublished between the read and the write: take the page back down.
            site.deletePage(SitePaths.articlePage(slug));
            return;
        }
        siteChanges.changed(slug);
    }
}
