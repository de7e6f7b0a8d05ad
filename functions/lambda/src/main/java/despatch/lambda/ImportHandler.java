package despatch.lambda;

import org.crac.Core;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import despatch.lambda.wiring.ImportFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.subscription.ImportOutcome;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.imports.ImportReport;
import despatch.subscription.imports.ImportService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ImportFunction: a subscriber CSV uploaded under imports/ is imported and a report written
 * beside it. Logs counts only; the report, in the private bucket, names the rows.
 */
public class ImportHandler implements RequestHandler<S3Event, List<Map<String, Object>>>, PrimedBySnapStart {
    private final ImportService imports;
    private final SubscriptionLinks links;
    private final String uploadsBucket;
    /** A chunk of 100 rows takes well under a second; this leaves room for the report and slow moments. */
    private static final int RESERVE_MILLIS = 60_000;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);

    public ImportHandler() {
        this(Wiring.fromEnvironment(Setting.Function.ImportFunction));
        Core.getGlobalContext().register(this);
    }

    public ImportHandler(Wiring wiring) {
        ImportFactory imports = new ImportFactory(wiring);
        this.imports = imports.importService();
        this.links = imports.links();
        this.priming = imports::prime;
        this.uploadsBucket = wiring.settings().get(Setting.UPLOADS_BUCKET);
    }

    /** Before the SnapStart snapshot: every client this function uses, read once (see the factories' prime methods). */
    @Override
    public void prime() {
        priming.run();
    }

    @Override
    public List<Map<String, Object>> handleRequest(S3Event event, Context context) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            if (!uploadsBucket.equals(record.getS3().getBucket().getName()) || !key.startsWith("imports/") || !key.endsWith(".csv")) {
                continue;
            }
            ImportReport report = imports.importFile(key, links, () -> hasTimeFor(context));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("uploadKey", key);
            fields.put("rows", report.rows());
            for (ImportOutcome outcome : ImportOutcome.values()) {
                fields.put(outcome.name().toLowerCase(java.util.Locale.ROOT), report.count(outcome));
            }
            fields.put("rejected", report.rejected().size());
            fields.put("fileProblem", report.fileProblem() != null);
            log.info("import.done", fields);
            results.add(fields);
        }
        return results;
    }

    private static boolean hasTimeFor(Context context) {
        return context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS;
    }
}
