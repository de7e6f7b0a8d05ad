package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import despatch.lambda.wiring.PublishingFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.publish.PreviewService;
import despatch.publish.PublishOutcome;
import despatch.publish.PublishService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Core;

/**
 * PublishFunction: an article uploaded under articles/ in the uploads bucket becomes a web page,
 * a stored email and an article record. A rejected upload gets its reasons beside it and the
 * invocation succeeds (a retry cannot fix bad input); AWS failures throw, so Lambda retries.
 */
public class PublishHandler implements RequestHandler<S3Event, List<Map<String, Object>>>, PrimedBySnapStart {
    private final PublishService publishing;
    private final PreviewService previews;
    private final String uploadsBucket;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);

    public PublishHandler() {
        this(Wiring.fromEnvironment(Setting.Function.PublishFunction));
        Core.getGlobalContext().register(this);
    }

    public PublishHandler(Wiring wiring) {
        PublishingFactory publishing = new PublishingFactory(wiring);
        this.publishing = publishing.publishService();
        this.previews = publishing.previewService();
        this.priming = publishing::primePublishing;
        this.uploadsBucket = wiring.settings().get(Setting.UPLOADS_BUCKET);
    }

    /** @return one entry per record: uploadKey, outcome, and the slug, web path, warnings or problems */
    @Override
    public List<Map<String, Object>> handleRequest(S3Event event, Context context) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            PublishOutcome outcome = uploadsBucket.equals(record.getS3().getBucket().getName())
                    ? publishing.publish(key)
                    : new PublishOutcome.Ignored(key, "event from a bucket other than " + uploadsBucket);
            Map<String, Object> fields = OutcomeFields.of(outcome);
            if (outcome instanceof PublishOutcome.Rejected) {
                log.warn("upload.rejected", OutcomeFields.forLog(fields));
            } else {
                // Event names carry no spaces, for log queries: "awaiting approval" logs as upload.awaiting-approval.
                log.info("upload." + String.valueOf(fields.get("outcome")).replace(' ', '-'), OutcomeFields.forLog(fields));
            }
            results.add(fields);
        }
        return results;
    }

    @Override
    public void prime() {
        Priming.renderSample(previews);
        priming.run();
    }
}
