package despatch.lambda.wiring;

import despatch.lambda.aws.CloudFrontSiteCache;
import despatch.lambda.aws.DynamoDbArticleStore;
import despatch.lambda.aws.S3RenderedEmailStore;
import despatch.lambda.aws.S3SitePublisher;
import despatch.lambda.aws.SqsSiteChanges;
import despatch.article.ArticleParser;
import despatch.lambda.aws.S3UploadStore;
import despatch.render.ArticleRenderer;
import despatch.site.PageRerenderer;
import despatch.site.SiteBuilder;
import despatch.site.UploadRerenderer;
import despatch.site.SiteCache;
import despatch.site.SiteService;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The site's adapters (pages, article records, rendered emails, the site queue), each built once, and its service. */
public final class SiteFactory {
    private final Wiring wiring;
    final Supplier<DynamoDbArticleStore> articles;
    final Supplier<S3SitePublisher> pages;
    final Supplier<S3RenderedEmailStore> renderedEmails;
    private final Supplier<SqsSiteChanges> changes;

    public SiteFactory(Wiring wiring) {
        this.wiring = wiring;
        Settings settings = wiring.settings();
        AwsClients aws = wiring.aws();
        this.articles = Once.of(() -> new DynamoDbArticleStore(aws.dynamoDb().get(), settings.get(Setting.ARTICLES_TABLE)));
        this.pages = Once.of(() -> new S3SitePublisher(aws.s3().get(), settings.get(Setting.SITE_BUCKET)));
        this.renderedEmails = Once.of(() -> new S3RenderedEmailStore(aws.s3().get(), settings.get(Setting.UPLOADS_BUCKET)));
        this.changes = Once.of(() -> new SqsSiteChanges(aws.sqs().get(), settings.get(Setting.SITE_QUEUE_URL)));
    }

    /** The site's listings, feeds and sitemap, kept in line with the article records. */
    public SiteService siteService() {
        String distribution = wiring.settings().optional(Setting.SITE_DISTRIBUTION_ID);
        SiteCache cache = distribution.isEmpty() ? SiteCache.NONE : new CloudFrontSiteCache(wiring.aws().cloudFront(), distribution);
        return new SiteService(articles.get(), pages.get(), renderedEmails.get(), new SiteBuilder(wiring.office()), cache, rerenderer());
    }

    /**
     * For a re-rendering rebuild: built on first use, so the parser, the article templates and the
     * image readers stay off the cold start of the updates that never re-render.
     */
    private PageRerenderer rerenderer() {
        Supplier<UploadRerenderer> rerenderer = Once.of(() -> new UploadRerenderer(new ArticleParser(wiring.office(), wiring.clock()),
                new ArticleRenderer(wiring.office(), wiring.clock()),
                new S3UploadStore(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET)),
                new UploadRerenderer.SiteStores(pages.get(), renderedEmails.get(), articles.get())));
        return record -> rerenderer.get().rerender(record);
    }

    /** Before a SnapStart snapshot: the article records and the bucket, read once; a page's upload, refused. */
    public void prime() {
        Warmup.read(() -> articles.get().find(Warmup.NOTHING));
        Warmup.read(() -> renderedEmails.get().webPage(Warmup.NOTHING));
        primePageWrite();
    }

    private void primePageWrite() {
        // An article's page: the one key every function that writes to the site may write.
        RefusedWrites.put(wiring.aws().s3().get(), wiring.settings().get(Setting.SITE_BUCKET), "articles/" + Warmup.NOTHING + "/index.html");
    }

    /** The same for a function that puts changes on the site queue. */
    void primeQueue() {
        RefusedWrites.send(wiring.aws().sqs().get(), wiring.settings().get(Setting.SITE_QUEUE_URL));
    }

    /** For a function that releases articles: the article records', the pages' and the site queue's writes, each refused (see {@link RefusedWrites}). */
    void primeRelease() {
        primePageWrite();
        RefusedWrites.putAndUpdate(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.ARTICLES_TABLE),
                Map.of("slug", AttributeValue.fromS(Warmup.NOTHING)));
        RefusedWrites.send(wiring.aws().sqs().get(), wiring.settings().get(Setting.SITE_QUEUE_URL));
    }

    /** Changes go on the site queue, where SiteFunction takes them one batch at a time. */
    public SqsSiteChanges siteChanges() {
        return changes.get();
    }
}
