package despatch.bench;

import despatch.article.ArticleKind;
import despatch.common.Hashes;
import despatch.lambda.PublishHandler;
import despatch.lambda.SiteHandler;
import despatch.lambda.aws.DynamoDbArticleStore;
import despatch.lambda.wiring.Setting;
import despatch.messages.SiteChange;
import despatch.local.S3EventFactory;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.office.SitePaths;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.site.SiteUpdate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Publishing into a big site, on a fresh in-memory local stack: N existing articles (records and
 * pages, written directly; default 1,000 over four years, both kinds), the site built once by a
 * rebuild, then new articles, a correction and an unpublish, each through the real PublishHandler
 * and the real SiteHandler with counting clients, and a re-rendering rebuild of every article from its
 * upload (the seeded pages stand for an older design), twice. Prints per operation: site objects written and
 * deleted, S3 and DynamoDB requests, and wall time of each handler; medians over the new articles.
 *
 * <p>Usage: {@code SiteScaleMain [N] [--runs=R]}.
 */
public final class SiteScaleMain {
    private static final int DEFAULT_ARTICLES = 1_000;
    private static final int DEFAULT_RUNS = 7;

    private final LocalAwsStack stack;
    private final PrintStream console;
    private final CountedClients publishClients;
    private final CountedClients siteClients;
    private final PublishHandler publisher;
    private final SiteHandler site;

    private SiteScaleMain(LocalAwsStack stack, PrintStream console) {
        this.stack = stack;
        this.console = console;
        this.publishClients = new CountedClients(stack, Setting.Function.PublishFunction);
        this.siteClients = new CountedClients(stack, Setting.Function.SiteFunction);
        this.publisher = new PublishHandler(publishClients.wiring(Map.of(Setting.SEND_APPROVAL.name(), "none")));
        this.site = new SiteHandler(siteClients.wiring(Map.of()));
    }

    public static void main(String[] args) throws Exception {
        int articles = DEFAULT_ARTICLES;
        int runs = DEFAULT_RUNS;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else {
                articles = Integer.parseInt(arg.replace(",", "").replace("_", ""));
            }
        }
        PrintStream console = System.out;
        console.printf(Locale.ROOT, "Despatch site scale: publishing into a site of %,d articles on the local stack%n", articles);
        console.printf(Locale.ROOT, "machine:  %d cores; %s; java %s%n", Runtime.getRuntime().availableProcessors(), MachineLoad.describe(),
                Runtime.version());
        try (LocalAwsStack stack = LocalAwsStack.start()) {
            // Handlers log JSON lines; they are not the subject here.
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            new SiteScaleMain(stack, console).run(articles, runs);
        } finally {
            System.setOut(console);
        }
        System.exit(0);
    }

    private void run(int articles, int runs) {
        long seeding = System.nanoTime();
        seed(articles);
        console.printf(Locale.ROOT, "setup:    %,d article records and pages written directly in %.1f s (not counted)%n", articles,
                (System.nanoTime() - seeding) / 1e9);

        Step rebuild = measure("rebuild (whole site from records)", () -> site.apply(List.of(SiteChange.REBUILD)), null);
        console.println();
        console.println(Step.HEADER);
        console.println(rebuild.line());
        List<Step> publishes = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            int number = i;
            String key = "articles/new-" + i + ".md";
            String text = "---\ntitle: New article " + i + "\nkind: " + (i % 2 == 0 ? "newsletter" : "press-release")
                    + "\ndate: 2026-11-" + String.format("%02d", 1 + i) + "\n---\nNews number " + i + ".\n";
            Step step = measure("publish new article " + i, () -> site.apply(List.of(SiteChange.changed("new-article-" + number))),
                    () -> publish(key, text));
            publishes.add(step);
            console.println(step.line());
        }
        ArticleRecord middle = generated(articles / 2);
        console.println(measure("correct an article from " + middle.date().getYear(),
                () -> site.apply(List.of(SiteChange.changed(middle.slug()))),
                () -> publish(middle.uploadKey(), source(middle, "Corrected text."))).line());
        ArticleRecord old = generated(articles / 3);
        console.println(measure("unpublish an article from " + old.date().getYear(),
                () -> site.apply(List.of(SiteChange.changed(old.slug()))),
                () -> publish(old.uploadKey(), source(old, "Gone.").replace("---\n\n", "unpublish: yes\n---\n\n"))).line());
        // A change of design: every page made again from its upload (the seeded pages are an older design), then again with nothing to change.
        console.println(measure("re-render every article (new design)", () -> site.apply(List.of(SiteChange.RERENDER)), null).line());
        console.println(measure("re-render again (nothing changed)", () -> site.apply(List.of(SiteChange.RERENDER)), null).line());
        console.println();
        console.printf(Locale.ROOT, "median of %d new articles: %s objects written (of %,d on the site), publish %.0f ms + site update %.0f ms,"
                + " CloudFront invalidation paths %s (in one request per update; a rebuild asks for /*)%n",
                runs, median(publishes, Step::written), rebuild.written() + rebuild.unchanged(),
                median(publishes, Step::publishMillis), median(publishes, Step::siteMillis), median(publishes, Step::cdnPaths));
    }

    /** Existing articles: records as publishing writes them, and their pages and stored renderings. */
    private void seed(int count) {
        DynamoDbArticleStore store = new DynamoDbArticleStore(stack.dynamoDb(), env(Setting.Function.SiteFunction, Setting.ARTICLES_TABLE));
        String siteBucket = env(Setting.Function.SiteFunction, Setting.SITE_BUCKET);
        String uploads = env(Setting.Function.SiteFunction, Setting.UPLOADS_BUCKET);
        for (int i = 0; i < count; i++) {
            ArticleRecord record = generated(i);
            store.save(record, null);
            String page = "<!DOCTYPE html><html lang=\"en-GB\"><title>" + record.title() + "</title><p>" + record.summary();
            stack.s3().putObject(put -> put.bucket(siteBucket).key(SitePaths.articlePage(record.slug())), RequestBody.fromString(page));
            stack.s3().putObject(put -> put.bucket(uploads).key("rendered/" + record.slug() + "/web.html"), RequestBody.fromString(page));
            stack.s3().putObject(put -> put.bucket(uploads).key(record.uploadKey()), RequestBody.fromString(source(record, "Text.")));
        }
    }

    /**
     * Article i of the existing site: one every day or so from January 2023, every third a press
     * release; its record names the upload it was published from, as publishing's records do.
     */
    private static ArticleRecord generated(int i) {
        LocalDate date = LocalDate.of(2023, 1, 1).plusDays(i * 1400L / DEFAULT_ARTICLES);
        Instant at = date.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(i);
        String slug = "existing-" + i;
        ArticleRecord record = new ArticleRecord(slug, "Existing article " + i, "Summary of existing article " + i,
                i % 3 == 0 ? ArticleKind.PRESS_RELEASE : ArticleKind.NEWSLETTER, date, List.of(), ArticleState.PUBLISHED, null, at, at,
                "articles/" + slug + ".md", SitePaths.articleDirectory(slug), "s3://rendered/" + slug + "/", List.of(), null);
        return new ArticleRecord(record.slug(), record.title(), record.summary(), record.kind(), record.date(), record.lists(),
                record.state(), null, at, at, record.uploadKey(), record.webPath(), record.emailLocation(), List.of(), null,
                Hashes.sha256(source(record, "Text.").getBytes(StandardCharsets.UTF_8)));
    }

    private static String source(ArticleRecord record, String body) {
        return "---\ntitle: " + record.title() + "\nsummary: " + record.summary() + "\nslug: " + record.slug() + "\nkind: "
                + record.kind().id() + "\ndate: " + record.date() + "\n---\n\n" + body + "\n";
    }

    private void publish(String key, String text) {
        String bucket = env(Setting.Function.PublishFunction, Setting.UPLOADS_BUCKET);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stack.s3().putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        List<Map<String, Object>> outcome = publisher.handleRequest(new S3EventFactory(ProjectRoot.find()).objectCreated(bucket, key, bytes.length), null);
        if (outcome.getFirst().get("outcome").equals("rejected")) {
            throw new IllegalStateException(key + " was rejected: " + outcome);
        }
    }

    private Step measure(String name, java.util.function.Supplier<SiteUpdate> siteUpdate, Runnable publish) {
        publishClients.s3Counter.reset();
        publishClients.dynamoDbCounter.reset();
        siteClients.s3Counter.reset();
        siteClients.dynamoDbCounter.reset();
        int invalidationsBefore = stack.cdnInvalidations().size();
        long start = System.nanoTime();
        if (publish != null) {
            publish.run();
        }
        long published = System.nanoTime();
        SiteUpdate update = siteUpdate.get();
        long done = System.nanoTime();
        var invalidations = stack.cdnInvalidations();
        int cdnRequests = invalidations.size() - invalidationsBefore;
        int cdnPaths = invalidations.subList(invalidationsBefore, invalidations.size()).stream().mapToInt(i -> i.paths().size()).sum();
        var publishS3 = publishClients.s3Counter.snapshot();
        var siteS3 = siteClients.s3Counter.snapshot();
        return new Step(name, update.written().size(), update.deleted().size(), update.unchanged(),
                publishS3.operation("PutObject").requests() + publishS3.operation("DeleteObject").requests(),
                siteS3.total().requests(), publishClients.dynamoDbCounter.snapshot().total().requests()
                        + siteClients.dynamoDbCounter.snapshot().total().requests(),
                (published - start) / 1e6, (done - published) / 1e6, cdnRequests, cdnPaths);
    }

    private static double median(List<Step> steps, java.util.function.ToDoubleFunction<Step> field) {
        double[] values = steps.stream().mapToDouble(field).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private String env(Setting.Function function, Setting setting) {
        return stack.environmentFor(function.name()).get(setting.name());
    }

    /** One measured operation. */
    private record Step(String name, int written, int deleted, int unchanged, long publishS3Writes, long siteS3Requests,
                        long dynamoDbRequests, double publishMillis, double siteMillis, int cdnRequests, int cdnPaths) {
        static final String HEADER = String.format(Locale.ROOT, "%-36s %8s %8s %10s %12s %12s %9s %11s %11s %13s", "operation", "written",
                "deleted", "unchanged", "publish S3w", "site S3 req", "DynamoDB", "publish ms", "site ms", "CDN req/paths");

        String line() {
            return String.format(Locale.ROOT, "%-36s %8d %8d %10d %12d %12d %9d %11.0f %11.0f %13s", name, written, deleted, unchanged,
                    publishS3Writes, siteS3Requests, dynamoDbRequests, publishMillis, siteMillis, cdnRequests + "/" + cdnPaths);
        }
    }
}
