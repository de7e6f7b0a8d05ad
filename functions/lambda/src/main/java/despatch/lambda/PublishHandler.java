package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.publish.PreviewService;
import despatch.publish.PublishOutcome;
import despatch.publish.PublishService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * PublishFunction: an article uploaded under articles/ in the uploads bucket becomes a web page,
 * a stored email and an article record. A rejected upload gets its reasons beside it and the
 * invocation succeeds (a retry cannot fix bad input); AWS failures throw, so Lambda retries.
 */
public class PublishHandler implements RequestHandler<S3Event, String>, Resource {
    private final PublishService publishing;
    private final PreviewService previews;
    private final String uploadsBucket;
    private final JsonLog log = new JsonLog(System.out);

    public PublishHandler() {
        this(Wiring.fromEnvironment(Setting.Function.PublishFunction));
        Core.getGlobalContext().register(this);
    }

    public PublishHandler(Wiring wiring) {
        this.publishing = wiring.publishService();
        this.previews = wiring.previewService();
        this.uploadsBucket = wiring.uploadsBucket();
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<String> results = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getUrlDecodedKey();
            if (!uploadsBucket.equals(bucket)) {
                log.warn("upload.ignored", Map.of("uploadKey", key, "reason", "event from another bucket"));
                continue;
            }
            PublishOutcome outcome = publishing.publish(key);
            logOutcome(outcome);
            results.add(outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + key);
        }
        return String.join("\n", results);
    }

    private void logOutcome(PublishOutcome outcome) {
        switch (outcome) {
            case PublishOutcome.Published p -> log.info("article.published", Map.of(
                    "uploadKey", p.uploadKey(), "slug", p.slug(), "webPath", p.webPath(), "warnings", p.warnings().size()));
            case PublishOutcome.Scheduled s -> log.info("article.scheduled", Map.of(
                    "uploadKey", s.uploadKey(), "slug", s.slug(), "embargo", s.embargo().toString(), "warnings", s.warnings().size()));
            case PublishOutcome.Rejected r -> log.warn("upload.rejected", Map.of(
                    "uploadKey", r.uploadKey(), "problems", r.problems().stream().map(p -> p.where()).toList()));
            case PublishOutcome.Ignored i -> log.info("upload.ignored", Map.of("uploadKey", i.uploadKey(), "reason", i.reason()));
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.renderSample(previews);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: clients resolve credentials lazily after restore.
    }
}
