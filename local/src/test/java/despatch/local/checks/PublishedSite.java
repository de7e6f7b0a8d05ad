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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        site.uploadImagesBeside(samples);
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                uploads.put("articles/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        for (int i = 1; i <= EXTRA_NEWSLETTERS; i++) {
            uploads.put("articles/week-" + i + ".md", utf8("---\ntitle: Week " + i + " in Llanfair — café & “quotes”\ndate: 2026-"
                    + String.format("%02d", 1 + i % 10) + "-" + String.format("%02d", 1 + i % 28) + "\n---\nWhat happened in week " + i + ".\n"));
        }
        site.publishAtOnce(uploads);
        site.publishAtOnce(Map.of("articles/week-1.md", utf8("---\ntitle: Week 1 in Llanfair — café & “quotes”\ndate: 2026-02-02\n---\n"
                + "What happened in week 1, corrected.\n")));
        SiteHandler siteHandler = new SiteHandler(site.wiring(Setting.Function.SiteFunction));
        siteHandler.apply(List.of(despatch.messages.SiteChange.REBUILD));
        return site;
    }

    /**
     * Each upload published by a handler of its own, all at the same time, as Lambda would run
     * them: the stack's emulators answer several at once, so the site is built in a fraction of the
     * time one after another would take.
     */
    private void publishAtOnce(Map<String, byte[]> uploads) {
        try (ExecutorService publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> published = new ArrayList<>();
            uploads.forEach((key, bytes) -> published.add(publishers.submit(
                    () -> upload(new PublishHandler(StackWiring.publishingWithoutApproval(stack, Clock.systemUTC())), key, bytes))));
            for (Future<?> one : published) {
                one.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the site", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Publishing the site failed", e.getCause());
        }
    }

    /** The samples' photographs, in the folders beside their articles (x.images/ for x.md), as a press officer uploads them first. */
    private void uploadImagesBeside(Path samples) throws IOException {
        String bucket = environment(Setting.Function.PublishFunction).get(Setting.UPLOADS_BUCKET.name());
        try (var folders = Files.list(samples)) {
            for (Path folder : folders.filter(path -> path.getFileName().toString().endsWith(".images")).toList()) {
                try (var images = Files.list(folder)) {
                    for (Path image : images.toList()) {
                        stack.s3().putObject(put -> put.bucket(bucket).key("articles/" + folder.getFileName() + "/" + image.getFileName()),
                                RequestBody.fromFile(image));
                    }
                }
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
