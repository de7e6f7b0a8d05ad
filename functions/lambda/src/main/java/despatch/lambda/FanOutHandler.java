package despatch.lambda;

import org.crac.Core;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.lambda.wiring.SendingFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.sending.CampaignService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FanOutFunction: pages a campaign's lists onto the send queue. When its time runs low it asks
 * for itself again on the fan-out queue and stops; the next invocation resumes from the cursor
 * saved in the campaign, so a campaign of any size fans out within Lambda's limits.
 */
public class FanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    /** A page takes well under a second; this leaves room to save the cursor and ask again. */
    private static final int RESERVE_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CampaignService campaigns;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);

    public FanOutHandler() {
        this(Wiring.fromEnvironment(Setting.Function.FanOutFunction));
        Core.getGlobalContext().register(this);
    }

    public FanOutHandler(Wiring wiring) {
        SendingFactory sending = new SendingFactory(wiring);
        this.campaigns = sending.campaignService();
        this.priming = sending::prime;
    }

    /** Before the SnapStart snapshot: every client this function uses, read once (see the factories' prime methods). */
    @Override
    public void prime() {
        priming.run();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            try {
                var body = JSON.readTree(message.getBody());
                String campaignId = body.path("campaignId").asText();
                fields.put("campaignId", campaignId);
                if (body.path("start").asBoolean(false)) {
                    // The embargo schedule fired: release the page and start, or hold if far too late.
                    fields.put("started", campaigns.startScheduled(campaignId).name());
                }
                CampaignService.FanOutResult result = campaigns.fanOut(campaignId,
                        () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
                if (result == CampaignService.FanOutResult.CONTINUE) {
                    campaigns.continueFanOut(campaignId);
                }
                fields.put("result", result.name());
                log.info("fanout", fields);
            } catch (IOException | RuntimeException e) {
                fields.put("error", e.getClass().getName());
                log.warn("fanout.failed", fields);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
