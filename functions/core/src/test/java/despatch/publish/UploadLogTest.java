package despatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.render.ArticleRenderer;
import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each upload's outcome in the log the dashboard reads: a rejected one with its reasons, an ignored key not at all. */
class UploadLogTest {
    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryUploadStore uploads = new InMemoryUploadStore();
    private final InMemoryUploadLog log = new InMemoryUploadLog();
    private final PublishService service = new PublishService(new ArticleParser(TestOffice.office(), clock),
            new ArticleRenderer(TestOffice.office(), clock), uploads, new InMemoryPublishTargets().targets(), ApprovalGate.none(),
            PublishNotices.logTo(log, clock), clock);

    private void upload(String key, String text) {
        uploads.objects.put(key, text.getBytes(StandardCharsets.UTF_8));
        service.publish(key);
    }

    @Test
    void everyOutcomeIsLoggedNewestFirstWithARefusalsReasons() {
        upload("articles/bus.md", "---\ntitle: Bus route saved\nlists: [newsletter]\n---\nThe route stays.\n");
        upload("articles/bad.md", "---\ntitle: Bad\nlists: [newsletters]\n---\nText.\n");
        upload("articles/", "");

        List<LoggedUpload> latest = log.latest(10);
        assertEquals(List.of("articles/bad.md", "articles/bus.md"), latest.stream().map(LoggedUpload::uploadKey).toList(),
                "newest first, and a folder marker is not an upload");
        assertEquals("rejected", latest.get(0).outcome());
        assertTrue(latest.get(0).reasons().getFirst().contains("newsletters"), latest.get(0).reasons().toString());
        assertEquals(new LoggedUpload("articles/bus.md", "published", "bus-route-saved", List.of(), TestOffice.NOW), latest.get(1));
    }
}
