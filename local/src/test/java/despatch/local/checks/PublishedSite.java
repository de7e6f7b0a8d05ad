package despatch.local.checks;

import despatch.local.StackWiring;
import despatch.lambda.PublishHandler;
import despatch.lambda.SiteHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.S3EventFactory;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A site as constituents would meet it: the sample articles and enough short newsletters to page
 * the newsletter listing, published by the real PublishHandler, one correction, and the listings
 * written by the real SiteHandler, all on the given stack. Pages are read back from the site bucket.
 */
final class PublishedSite {
    /** Two listing pages' worth, so the newsletters have an older page (the newest holds 20 to 39). */
    private static final int EXTRA_NEWSLETTERS = 40;

    private final LocalAwsStack stack;
    private final String siteBucket;

    private PublishedSite(LocalAwsStack stack) {
        this.stack = stack;
        this.siteBucket = environment(Setting.Function.PublishFunction).get(Setting.SITE_BUCKET.name());
    }

    static PublishedSite publish(LocalAwsStack stack, Path samples) throws IOException {
        PublishedSite site = new PublishedSite(stack);
        PublishHandler publisher = new PublishHandler(site.wiring(Setting.Function.PublishFunction));
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                site.upload(publisher, "articles/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        for (int i = 1; i <= EXTRA_NEWSLETTERS; i++) {
            site.upload(publisher, "articles/week-" + i + ".md", ("---\ntitle: Week " + i + " in Llanfair — café & “quotes”\ndate: 2026-"
                    + String.format("%02d", 1 + i % 10) + "-" + String.format("%02d", 1 + i % 28) + "\n---\nWhat happened in week " + i + ".\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        site.upload(publisher, "articles/week-1.md", ("---\ntitle: Week 1 in Llanfair — café & “quotes”\ndate: 2026-02-02\n---\n"
                + "What happened in week 1, corrected.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SiteHandler siteHandler = new SiteHandler(site.wiring(Setting.Function.SiteFunction));
        siteHandler.apply(List.of(despatch.messages.SiteChange.REBUILD));
        return site;
    }

    String page(String key) {
        return stack.s3().getObjectAsBytes(get -> get.bucket(siteBucket).key(key)).asUtf8String();
    }

    private void upload(PublishHandler publisher, String key, byte[] bytes) {
        String bucket = environment(Setting.Function.PublishFunction).get(Setting.UPLOADS_BUCKET.name());
        stack.s3().putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        publisher.handleRequest(new S3EventFactory(ProjectRoot.find()).objectCreated(bucket, key, bytes.length), null);
    }

    private Map<String, String> environment(Setting.Function function) {
        return stack.environmentFor(function.name());
    }

    private Wiring wiring(Setting.Function function) {
        return StackWiring.of(stack, function, Clock.systemUTC());
    }
}
