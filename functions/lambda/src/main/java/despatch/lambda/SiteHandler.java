package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.Setting;
import despatch.lambda.aws.SqsSiteChanges;
import despatch.lambda.wiring.SiteFactory;
import despatch.lambda.wiring.Wiring;
import despatch.messages.SiteChange;
import despatch.site.SiteService;
import despatch.site.SiteUpdate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.Set;
import org.crac.Core;

/**
 * SiteFunction: brings the site's listings, feeds and sitemap in line with the article records
 * after articles change, or rebuilds the whole site on request. A batch of messages costs one
 * update. Messages come from a FIFO queue with one group, so updates never overlap; a failure
 * throws and fails the batch, which SQS hands back whole (FIFO keeps its order). A message that
 * cannot be read is logged as unreadable and skipped rather than failed: retrying cannot fix it,
 * and in a FIFO group it would hold up every update until the dead-letter queue took it.
 */
public class SiteHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    /** What a part of a re-rendering rebuild leaves itself: an article's page, then the rebuild of the listings. */
    private static final long RESERVE_MILLIS = 20_000;

    private final SiteService site;
    private final SqsSiteChanges siteChanges;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);
    private final SqsBatch<SiteChange> batch = new SqsBatch<>(SiteChange.CODEC, log);

    public SiteHandler() {
        this(Wiring.fromEnvironment(Setting.Function.SiteFunction));
        Core.getGlobalContext().register(this);
    }

    public SiteHandler(Wiring wiring) {
        SiteFactory factory = new SiteFactory(wiring);
        this.site = factory.siteService();
        this.siteChanges = factory.siteChanges();
        this.priming = factory::prime;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SiteChange> changes = batch.readable(event).stream().map(SqsBatch.Message::body).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unreadableMessages", event.getRecords().size() - changes.size());
        // A batch SQS delivers again failed after it began; its files may be written and their paths not refreshed.
        boolean retried = event.getRecords().stream()
                .anyMatch(message -> !"1".equals(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1")));
        apply(changes, retried, fields, () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** Thymeleaf's template cache and the site's clients warm in every restored container: the first update is not slower. */
    @Override
    public void prime() {
        site.prime();
        priming.run();
    }

    /** One update for these changes: a rebuild if any asks for one, else a refresh for the changed articles. */
    public SiteUpdate apply(List<SiteChange> changes) {
        return apply(changes, false, new LinkedHashMap<>(), () -> true);
    }

    /**
     * @param timeLeft whether a re-rendering rebuild may go on to another article; when it may not,
     *     the rest is put on the queue as the next part (so a site of any size fits the function's timeout)
     */
    private SiteUpdate apply(List<SiteChange> changes, boolean retried, Map<String, Object> fields, BooleanSupplier timeLeft) {
        boolean rebuild = changes.stream().anyMatch(SiteChange::rebuild);
        Set<String> changed = new LinkedHashSet<>();
        changes.stream().filter(change -> !change.rebuild()).forEach(change -> changed.add(change.slug()));
        List<SiteChange> rerenders = changes.stream().filter(SiteChange::rerender).toList();
        SiteUpdate update;
        if (!rerenders.isEmpty()) {
            // A new request starts from the first article; parts carry on from the furthest back.
            String after = rerenders.stream().anyMatch(change -> change.after() == null) ? null
                    : rerenders.stream().map(SiteChange::after).min(String::compareTo).orElseThrow();
            update = site.rerender(after, timeLeft);
            if (update.continueAfter() != null) {
                siteChanges.rerenderAfter(update.continueAfter());
            }
            fields.put("rerender", true);
            fields.put("rerenderAfter", after);
            fields.put("continueAfter", update.continueAfter());
            fields.put("notRerendered", update.notRerendered());
        } else {
            update = rebuild ? site.rebuild() : site.refresh(changed, retried);
        }
        fields.put("rebuild", rebuild);
        fields.put("retried", retried);
        fields.put("changedArticles", changed.size());
        fields.put("written", update.written().size());
        fields.put("deleted", update.deleted().size());
        fields.put("unchanged", update.unchanged());
        log.info("site.updated", fields);
        return update;
    }
}
