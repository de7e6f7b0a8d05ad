package despatch.local.site;

import despatch.local.StackWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.FanOutHandler;
import despatch.lambda.PublishHandler;
import despatch.lambda.SiteHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.S3EventFactory;
import despatch.local.queue.EventSourceMapping;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.messages.SiteChange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The public site on a stack of its own: the real publish, fan-out and site handlers, with the
 * site queue (FIFO) consumed as Lambda would. Listings, feeds and the sitemap follow publishing,
 * corrections, unpublishing and embargoes, and a rebuild from the records gives the same site.
 */
class PublicSiteTest {
    private static LocalAwsStack stack;
    private static PublishHandler publisher;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start();
        // About the site, not approval: the office publishes without one.
        publisher = new PublishHandler(StackWiring.publishingWithoutApproval(stack, stack.clock()));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Wiring wiring(Setting.Function function) {
        return StackWiring.of(stack, function, stack.clock());
    }

    private static String env(Setting setting) {
        return stack.environmentFor(Setting.Function.PublishFunction.name()).get(setting.name());
    }

    private static void publish(String key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stack.s3().putObject(put -> put.bucket(env(Setting.UPLOADS_BUCKET)).key(key), RequestBody.fromBytes(bytes));
        publisher.handleRequest(new S3EventFactory(ProjectRoot.find()).objectCreated(env(Setting.UPLOADS_BUCKET), key, bytes.length), null);
    }

    private static void updateSite() {
        try (EventSourceMapping site = EventSourceMapping.fromTemplate(stack, "SiteFunction", new SiteHandler(wiring(Setting.Function.SiteFunction)))) {
            assertTrue(site.drain(Duration.ofSeconds(60)).queueEmpty(), "every site change applied");
        }
    }

    private static String file(String key) {
        return stack.s3().getObjectAsBytes(get -> get.bucket(env(Setting.SITE_BUCKET)).key(key)).asUtf8String();
    }

    /** Every page, feed and text file of the site bucket, key to text (images hold no article's words). */
    private static Map<String, String> siteFiles() {
        Map<String, String> files = new TreeMap<>();
        for (S3Object object : stack.s3().listObjectsV2Paginator(list -> list.bucket(env(Setting.SITE_BUCKET))).contents()) {
            if (!object.key().endsWith(".png") && !object.key().endsWith(".jpg")) {
                files.put(object.key(), file(object.key()));
            }
        }
        return files;
    }

    private static void assertNowhere(String text, String why) {
        siteFiles().forEach((key, content) -> assertFalse(content.contains(text), key + ": " + why));
    }

    @Test
    void twoArticlesPublishedAtTheSameMomentBothAppearEverywhere() throws Exception {
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> publish("articles/ferry.md",
                "---\ntitle: Ferry timetable kept\nkind: press-release\ndate: 2026-11-20\n---\nThe ferry keeps its winter timetable.\n"));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> publish("articles/clinic.md",
                "---\ntitle: Clinic opens in Llanfair\ndate: 2026-11-20\n---\nThe clinic opens on Monday.\n"));
        CompletableFuture.allOf(first, second).get();

        updateSite();

        for (String key : List.of("index.html", "archive/2026/index.html", "feeds/all.xml", "feeds/all.atom", "sitemap.xml")) {
            String content = file(key);
            assertTrue(content.contains("ferry-timetable-kept") && content.contains("clinic-opens-in-llanfair"), key);
        }
        assertTrue(file("press-releases/index.html").contains("Ferry timetable kept"));
        assertFalse(file("press-releases/index.html").contains("Clinic opens"), "a newsletter is not a press release");
        assertTrue(file("newsletters/index.html").contains("Clinic opens in Llanfair"));
        assertTrue(file("feeds/press-releases.xml").contains("Ferry timetable kept"));
        assertTrue(file("robots.txt").contains("Sitemap: "));
        assertTrue(file("404.html").contains("Page not found"));
    }

    @Test
    void aCorrectionUpdatesPageListingsAndFeedsAndSaysWhen() {
        publish("articles/bins.md", "---\ntitle: Bin collections change\nslug: bins\ndate: 2026-10-01\n---\nCollections move to Tuesdays.\n");
        updateSite();
        String atomBefore = file("feeds/all.atom");

        publish("articles/bins.md", "---\ntitle: Bin collections change\nslug: bins\ndate: 2026-10-01\n---\nCollections move to Wednesdays.\n");
        updateSite();

        String page = file("articles/bins/index.html");
        assertTrue(page.contains("Wednesdays") && page.contains("Updated"), "the page shows the correction and says so");
        assertTrue(file("newsletters/index.html").contains("Updated"));
        String atom = file("feeds/all.atom");
        assertNotEquals(atomBefore, atom, "feed readers see the change");
        assertTrue(atom.contains("<id>" + env(Setting.SITE_BASE_URL).replaceAll("/+$", "") + "/articles/bins/</id>"), "same entry id");
    }

    @Test
    void anArticleMovedToANewAddressLeavesAPermanentRedirectThatARebuildKeeps() {
        publish("articles/road.md", "---\ntitle: Road repairs\nslug: road-repairs\n---\nThe A1 is mended.\n");
        updateSite();
        publish("articles/road.md", "---\ntitle: A1 repairs finished\nslug: a1-repairs-finished\n---\nThe A1 is mended.\n");
        updateSite();

        var old = stack.s3().headObject(head -> head.bucket(env(Setting.SITE_BUCKET)).key("articles/road-repairs/index.html"));
        assertEquals("/articles/a1-repairs-finished/", old.metadata().get("despatch-moved-to"), "CloudFront's function answers 301 there");
        assertTrue(file("articles/road-repairs/index.html").contains("href=\"/articles/a1-repairs-finished/\""), "and a link, for the rest");
        assertTrue(file("articles/a1-repairs-finished/index.html").contains("The A1 is mended."));
        assertTrue(file("sitemap.xml").contains("a1-repairs-finished") && !file("sitemap.xml").contains("/road-repairs/"),
                "listed at its new address only");

        try (EventSourceMapping site = EventSourceMapping.fromTemplate(stack, "SiteFunction", new SiteHandler(wiring(Setting.Function.SiteFunction)))) {
            new despatch.lambda.aws.SqsSiteChanges(stack.sqs(), env(Setting.SITE_QUEUE_URL)).rebuild();
            assertTrue(site.drain(Duration.ofSeconds(60)).queueEmpty());
        }
        assertEquals("/articles/a1-repairs-finished/", stack.s3().headObject(head -> head.bucket(env(Setting.SITE_BUCKET))
                .key("articles/road-repairs/index.html")).metadata().get("despatch-moved-to"), "a rebuild keeps the redirect");
    }

    @Test
    void unpublishingTakesTheArticleOffTheSiteListingsFeedsAndSitemap() {
        publish("articles/mistake.md", "---\ntitle: Posted in error\nslug: posted-in-error\n---\nThis should not be here.\n");
        updateSite();
        assertTrue(file("sitemap.xml").contains("posted-in-error"));

        publish("articles/mistake.md", "---\ntitle: Posted in error\nslug: posted-in-error\nunpublish: yes\n---\nThis should not be here.\n");
        updateSite();

        assertNowhere("posted-in-error", "an unpublished article is gone from the site");
        assertNowhere("Posted in error", "an unpublished article is gone from the site");
    }

    @Test
    void anEmbargoedArticleAppearsNowhereBeforeItsTimeAndEverywhereAfter() throws Exception {
        Instant embargo = stack.clock().instant().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        publish("articles/bridge.md", "---\ntitle: Bridge funding secured\nkind: press-release\nslug: bridge-funding\nembargo: "
                + embargo + "\n---\nThe bridge will be rebuilt.\n");
        updateSite();
        assertNowhere("bridge-funding", "nothing of an embargoed article before its time");
        assertNowhere("Bridge funding secured", "nothing of an embargoed article before its time");

        // To the embargo without waiting: the local EventBridge Scheduler puts the start request on the fan-out queue.
        stack.moveClockOn(Duration.between(stack.clock().instant(), embargo));
        try (EventSourceMapping fanOut = EventSourceMapping.fromTemplate(stack, "FanOutFunction",
                new FanOutHandler(wiring(Setting.Function.FanOutFunction)))) {
            assertTrue(fanOut.drain(Duration.ofSeconds(60)).queueEmpty());
        }
        updateSite();

        assertTrue(file("articles/bridge-funding/index.html").contains("The bridge will be rebuilt."));
        for (String key : List.of("index.html", "press-releases/index.html", "feeds/all.xml", "feeds/press-releases.atom", "sitemap.xml")) {
            assertTrue(file(key).contains("bridge-funding"), key);
        }
    }

    @Test
    void anUnreadableMessageIsSkippedAndTheRestOfItsBatchApplied() {
        publish("articles/surgery.md", "---\ntitle: Extra surgery on Friday\nslug: extra-surgery\n---\nAt the library, 4pm.\n");
        stack.sqs().sendMessage(send -> send.queueUrl(env(Setting.SITE_QUEUE_URL)).messageGroupId("site")
                .messageDeduplicationId("typo").messageBody("{\"slgu\": \"extra-surgery\"}"));

        updateSite();

        assertTrue(file("index.html").contains("Extra surgery on Friday"), "a typo in a hand-sent message holds nothing up");
    }

    @Test
    void theSubscribeFormOnASitePageSignsSomeoneUpThroughTheRealApi() throws Exception {
        publish("articles/fair.md", "---\ntitle: Village fair on Saturday\n---\nStalls from 10am.\n");
        updateSite();
        org.jsoup.nodes.Element form = org.jsoup.Jsoup.parse(file("index.html")).selectFirst("section#subscribe form[method=post]");
        String address = "reader@example.org.uk";
        String body = "email=" + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "&wording=" + form.selectFirst("input[name=wording]").val()
                + "&lists=" + form.selectFirst("input[type=checkbox][name=lists]").val();

        try (despatch.local.StackConnection connection = despatch.local.StackConnection.to(stack);
                despatch.local.serve.LocalWebServer server = despatch.local.serve.LocalWebServer.startApi(connection,
                        stack.template(), ProjectRoot.find(), 0);
                // As serve runs them: the subscribe request is recorded and confirmed by the queue's consumer.
                despatch.local.queue.QueueConsumers consumers = despatch.local.queue.QueueConsumers.forStack(stack).start()) {
            // The form names the deployed API; its path is what the local stand-in for API Gateway routes.
            java.net.URI action = server.baseUrl().resolve(java.net.URI.create(form.attr("action")).getPath());
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertEquals(202, answer.statusCode(), answer.body());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (stack.capturedEmails().stream().noneMatch(mail -> mail.to().contains(address)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertTrue(stack.capturedEmails().stream().anyMatch(mail -> mail.to().contains(address)), "the confirmation email went out");
    }

    @Test
    void aRebuildFromTheRecordsReproducesTheSameSite() {
        publish("articles/rebuild.md", "---\ntitle: Library hours longer\ndate: 2026-09-01\n---\nOpen until 8pm.\n");
        updateSite();
        Map<String, String> before = siteFiles();
        stack.s3().putObject(put -> put.bucket(env(Setting.SITE_BUCKET)).key("archive/1999/index.html"), RequestBody.fromString("stale"));
        stack.s3().listObjectsV2Paginator(list -> list.bucket(env(Setting.SITE_BUCKET)).prefix("archive/")).contents()
                .forEach(object -> stack.s3().deleteObject(delete -> delete.bucket(env(Setting.SITE_BUCKET)).key(object.key())));
        stack.s3().deleteObject(delete -> delete.bucket(env(Setting.SITE_BUCKET)).key("articles/library-hours-longer/index.html"));
        stack.s3().deleteObject(delete -> delete.bucket(env(Setting.SITE_BUCKET)).key("index.html"));
        stack.s3().putObject(put -> put.bucket(env(Setting.SITE_BUCKET)).key("feeds/old.xml"), RequestBody.fromString("stale"));

        new SiteHandler(wiring(Setting.Function.SiteFunction)).apply(List.of(SiteChange.REBUILD));

        assertEquals(before, siteFiles(), "the same files, byte for byte, and nothing stale");
    }

    @Test
    void aReRenderTooLongForOneRunCarriesOnInPartsThroughTheQueue() {
        for (String name : List.of("kiosk", "market", "ramp")) {
            publish("articles/rr-" + name + ".md", "---\ntitle: Re-render " + name + "\ndate: 2026-10-01\n---\nThe " + name + " text.\n");
        }
        updateSite();
        // The pages (and their stored renderings) as an older design left them.
        String older = "<!DOCTYPE html><title>older design</title>";
        for (String name : List.of("kiosk", "market", "ramp")) {
            String slug = "re-render-" + name;
            stack.s3().putObject(put -> put.bucket(env(Setting.SITE_BUCKET)).key("articles/" + slug + "/index.html"), RequestBody.fromString(older));
            stack.s3().putObject(put -> put.bucket(env(Setting.UPLOADS_BUCKET)).key("rendered/" + slug + "/web.html"), RequestBody.fromString(older));
        }
        new despatch.lambda.aws.SqsSiteChanges(stack.sqs(), env(Setting.SITE_QUEUE_URL)).rebuild(true);

        // A function with less time than a part keeps in reserve: each run does one article, then hands the rest on.
        var source = despatch.local.queue.SqsEventSource.of(stack.template(), "SiteFunction").withFunctionTimeout(15);
        try (EventSourceMapping site = new EventSourceMapping(stack.sqs(), source, new SiteHandler(wiring(Setting.Function.SiteFunction)),
                EventSourceMapping.Options.LOCAL)) {
            EventSourceMapping.DrainResult drained = site.drain(Duration.ofSeconds(120));
            assertTrue(drained.queueEmpty(), "every part done");
            assertTrue(drained.invocations() >= 3, "one run for each article, at least these three: " + drained.invocations() + " runs");
        }
        for (String name : List.of("kiosk", "market", "ramp")) {
            String page = file("articles/re-render-" + name + "/index.html");
            assertFalse(page.contains("older design"), name + " is in today's design");
            assertTrue(page.contains("The " + name + " text."), page);
        }
        assertTrue(file("index.html").contains("Re-render ramp"), "and the listings rebuilt at the end");
    }
}
