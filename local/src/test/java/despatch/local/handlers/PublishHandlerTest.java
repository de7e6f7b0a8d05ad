package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import despatch.lambda.PublishHandler;
import despatch.lambda.aws.DynamoDbApprovals;
import despatch.lambda.wiring.Setting;
import despatch.local.StackWiring;
import despatch.publish.Approval;
import despatch.publish.AwaitingApproval;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The real PublishHandler against the S3 and DynamoDB emulators, driven by S3 events of the
 * deployed shape: as an office without approval deploys it, and as the template's default
 * (two-person approval) deploys it.
 */
class PublishHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final PublishHandler handler = new PublishHandler(StackWiring.publishingWithoutApproval(TestStack.get(),
            Clock.fixed(NOW, ZoneOffset.UTC)));

    private Map<String, Object> publish(String key, String text) {
        TestStack.upload(key, text);
        return publish(key, text.getBytes(StandardCharsets.UTF_8).length);
    }

    private Map<String, Object> publish(String key, long size) {
        return publish(handler, key, size);
    }

    private static Map<String, Object> publish(PublishHandler handler, String key, long size) {
        S3Event event = TestStack.events().objectCreated(TestStack.bucket("UPLOADS_BUCKET"), key, size);
        List<Map<String, Object>> outcomes = handler.handleRequest(event, null);
        assertEquals(1, outcomes.size());
        return outcomes.getFirst();
    }

    private static Map<String, AttributeValue> record(String slug) {
        return TestStack.get().dynamoDb().getItem(get -> get
                .tableName(TestStack.bucket("ARTICLES_TABLE")).key(Map.of("slug", AttributeValue.fromS(slug)))).item();
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void underTheTemplatesDefaultAnUploadWaitsWithNothingPublishedUntilItsBytesAreApproved() {
        PublishHandler approving = new PublishHandler(TestStack.wiring(Setting.Function.PublishFunction, Clock.fixed(NOW, ZoneOffset.UTC)));
        String slug = unique("surgery-times");
        String key = "articles/" + slug + ".md";
        String text = "---\ntitle: Surgery times\nslug: " + slug + "\nlists: [newsletter]\n---\nOpen on the 23rd.\n";
        TestStack.upload(key, text);
        Map<String, Object> waiting = publish(approving, key, text.getBytes(StandardCharsets.UTF_8).length);

        assertEquals("awaiting approval", waiting.get("outcome"), waiting.toString());
        assertEquals("two-person", waiting.get("approval"));
        assertFalse(TestStack.exists("SITE_BUCKET", "articles/" + slug + "/index.html"), "nothing on the site");
        assertTrue(record(slug) == null || record(slug).isEmpty(), "no article record, so no campaign");
        DynamoDbApprovals approvals = new DynamoDbApprovals(TestStack.get().dynamoDb(), TestStack.bucket("APPROVALS_TABLE"));
        AwaitingApproval request = approvals.awaitingFor(key).orElseThrow();
        assertTrue(approvals.awaiting(50).stream().anyMatch(a -> a.uploadKey().equals(key)), "listed for the dashboard");

        assertTrue(approvals.approve(new Approval(key, request.contentHash(), request.since(), "sub-approver", "Morgan Office Manager", NOW)));
        assertFalse(approvals.approve(new Approval(key, request.contentHash(), request.since(), "sub-admin", "Sam Administrator", NOW)),
                "a version is approved once");
        assertEquals("published", publish(approving, key, text.getBytes(StandardCharsets.UTF_8).length).get("outcome"));
        assertTrue(approvals.awaitingFor(key).isEmpty());
    }

    @Test
    void publishedArticleIsOnTheSiteInTheRecordsAndReadyToSend() {
        String slug = unique("bus-route-saved");
        Map<String, Object> outcome = publish("articles/" + slug + ".md", """
                ---
                title: Bus route 42 saved
                slug: %s
                lists: [newsletter]
                ---
                The county council has reversed its decision. Siân said: “Wonderful.”
                """.formatted(slug));

        assertEquals("published", outcome.get("outcome"), outcome.toString());
        String pageKey = "articles/" + slug + "/index.html";
        Document page = Jsoup.parse(TestStack.read("SITE_BUCKET", pageKey));
        assertEquals("Bus route 42 saved", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Siân said: “Wonderful.”"), "UTF-8 survives the round trip");
        HeadObjectResponse head = TestStack.get().s3().headObject(h -> h.bucket(TestStack.bucket("SITE_BUCKET")).key(pageKey));
        // S3Proxy drops the space after ';' where S3 keeps it; the media type and charset are what matter.
        assertEquals("text/html;charset=utf-8", head.contentType().replace(" ", "").toLowerCase(java.util.Locale.ROOT));

        Map<String, AttributeValue> record = record(slug);
        assertEquals("PUBLISHED", record.get("state").s());
        assertEquals("newsletter", record.get("lists").l().getFirst().s());
        assertEquals(NOW.toString(), record.get("publishedAt").s());

        String emailHtml = TestStack.read("UPLOADS_BUCKET", "rendered/" + slug + "/email.html");
        assertTrue(emailHtml.contains("{{unsubscribe_url}}"));
        assertTrue(TestStack.read("UPLOADS_BUCKET", "rendered/" + slug + "/email.txt").contains("Siân"));
        assertTrue(TestStack.read("UPLOADS_BUCKET", "rendered/" + slug + "/email.json").contains("\"subject\":\"Bus route 42 saved\""));
    }

    @Test
    void rejectedUploadStaysWithItsReasonBesideItAndNothingIsPublished() {
        String slug = unique("bad-upload");
        String key = "articles/" + slug + ".md";
        Map<String, Object> outcome = publish(key, "---\ntitle: Bad\nslug: " + slug + "\nembargo: next Tuesday\n---\nText.\n");

        assertEquals("rejected", outcome.get("outcome"), outcome.toString());
        assertTrue(TestStack.exists("UPLOADS_BUCKET", key), "the upload is left where it was");
        String report = TestStack.read("UPLOADS_BUCKET", key + ".error.json");
        assertTrue(report.contains("front matter: embargo") && report.contains("not a date and time"), report);
        assertFalse(TestStack.exists("SITE_BUCKET", "articles/" + slug + "/index.html"));
        assertTrue(record(slug).isEmpty(), "no article record");
        assertFalse(TestStack.exists("UPLOADS_BUCKET", "rendered/" + slug + "/email.html"));

        Map<String, Object> fixed = publish(key, "---\ntitle: Good\nslug: " + slug + "\n---\nText.\n");
        assertEquals("published", fixed.get("outcome"));
        assertFalse(TestStack.exists("UPLOADS_BUCKET", key + ".error.json"), "the old report goes once the upload is accepted");
    }

    @Test
    void aSecondUploadWithTheSameSlugIsRejectedAndTheFirstStays() {
        String slug = unique("monthly-update");
        publish("articles/" + slug + "-a.md", "---\ntitle: Monthly update\nslug: " + slug + "\n---\nFirst.\n");

        Map<String, Object> second = publish("articles/" + slug + "-b.md", "---\ntitle: Monthly update\nslug: " + slug + "\n---\nSecond.\n");

        assertEquals("rejected", second.get("outcome"), second.toString());
        assertTrue(TestStack.read("SITE_BUCKET", "articles/" + slug + "/index.html").contains("First."));
        assertEquals("articles/" + slug + "-a.md", record(slug).get("uploadKey").s());
    }

    @Test
    void theReportItselfDoesNotTriggerAnotherPublish() {
        Map<String, Object> outcome = publish("articles/anything.md.error.json", 10);
        assertEquals("ignored", outcome.get("outcome"));
    }

    @Test
    void embargoedArticleIsScheduledWithoutAWebPage() {
        String slug = unique("school");
        Map<String, Object> outcome = publish("articles/" + slug + ".md", """
                ---
                title: School approved
                slug: %s
                kind: press-release
                embargo: 2026-12-01T00:01:00+00:00[Europe/London]
                ---
                Approved.
                """.formatted(slug));

        assertEquals("scheduled", outcome.get("outcome"), outcome.toString());
        assertFalse(TestStack.exists("SITE_BUCKET", "articles/" + slug + "/index.html"));
        assertEquals("SCHEDULED", record(slug).get("state").s());
        assertEquals("2026-12-01T00:01:00Z", record(slug).get("embargo").s());
    }

    @Test
    void oversizeUploadIsRejectedWithoutReadingIt() {
        String key = "articles/" + unique("huge") + ".txt";
        TestStack.upload(key, new byte[1024 * 1024 + 1]);
        Map<String, Object> outcome = publish(key, 1024 * 1024 + 1);
        assertEquals("rejected", outcome.get("outcome"));
        assertTrue(TestStack.read("UPLOADS_BUCKET", key + ".error.json").contains("the limit is 1048576 bytes"));
    }

    @Test
    void theSampleEventFromEventsFolderIsHandledWithItsEncodedKey() {
        TestStack.upload("articles/surgery opening hours.md", "---\ntitle: Surgery opening hours\nslug: surgery-opening-hours\n---\nOpen.\n");
        S3Event event = EventLoader.loadS3Event("s3-put-article.json");
        assertEquals(TestStack.bucket("UPLOADS_BUCKET"), event.getRecords().getFirst().getS3().getBucket().getName(),
                "the sample event names the local stack's uploads bucket, so ./despatch and the tests share it");

        List<Map<String, Object>> outcomes = handler.handleRequest(event, null);

        assertEquals("articles/surgery opening hours.md", outcomes.getFirst().get("uploadKey"));
        assertEquals("published", outcomes.getFirst().get("outcome"), outcomes.toString());
    }

    @Test
    void eventsFromAnotherBucketAreIgnored() {
        S3Event event = TestStack.events().objectCreated("someone-elses-bucket", "articles/x.md", 10);
        assertEquals("ignored", handler.handleRequest(event, null).getFirst().get("outcome"));
    }
}
