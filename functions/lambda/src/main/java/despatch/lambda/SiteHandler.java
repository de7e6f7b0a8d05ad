package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.aws.SiteMessage;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.SiteFactory;
import despatch.lambda.wiring.Wiring;
import despatch.site.SiteService;
import despatch.site.SiteUpdate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Core;

/**
 * SiteFunction: brings the site's listings, feeds and sitemap in line with the article records
 * after articles change, or rebuilds the whole site on request. A batch of messages costs one
 * update. Messages come from a FIFO queue with one group, so updates never overlap; a failure
 * throws and fails the batch, which SQS hands back whole (FIFO keeps its order).
 */
public class SiteHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    private final SiteService site;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);

    public SiteHandler() {
        this(Wiring.fromEnvironment(Setting.Function.SiteFunction));
        Core.getGlobalContext().register(this);
    }

    public SiteHandler(Wiring wiring) {
        SiteFactory factory = new SiteFactory(wiring);
        this.site = factory.siteService();
        this.priming = factory::prime;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        apply(event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** Thymeleaf's template cache and the site's clients warm in every restored container: the first update is not slower. */
    @Override
    public void prime() {
        site.prime();
        priming.run();
    }

    /** One update for these message bodies: a rebuild if any asks for one, else a refresh for the changed articles. */
    public SiteUpdate apply(List<String> bodies) {
        Set<String> changed = new LinkedHashSet<>();
        boolean rebuild = false;
        int unreadable = 0;
        for (String body : bodies) {
            String slug;
            try {
                slug = SiteMessage.slugOf(body);
            } catch (IllegalArgumentException e) {
                // A hand-sent message with a typo: retrying cannot fix it, and in a FIFO group it would hold up every update.
                unreadable++;
                continue;
            }
            if (slug == null) {
                rebuild = true;
            } else {
                changed.add(slug);
            }
        }
        SiteUpdate update = rebuild ? site.rebuild() : site.refresh(changed);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rebuild", rebuild);
        fields.put("changedArticles", changed.size());
        fields.put("unreadableMessages", unreadable);
        fields.put("written", update.written().size());
        fields.put("deleted", update.deleted().size());
        fields.put("unchanged", update.unchanged());
        log.info("site.updated", fields);
        return update;
    }
}
