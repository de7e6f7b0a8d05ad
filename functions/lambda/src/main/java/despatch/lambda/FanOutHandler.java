package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.messages.FanOutRequest;
import despatch.sending.CampaignLifecycle;
import despatch.sending.FanOut;

/**
 * FanOutFunction: pages a campaign's lists onto the send queue. When its time runs low it asks
 * for itself again on the fan-out queue and stops; the next invocation resumes from the cursor
 * saved in the campaign, so a campaign of any size fans out within Lambda's limits.
 */
public class FanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** A page takes well under a second; this leaves room to save the cursor and ask again. */
    private static final int RESERVE_MILLIS = 30_000;

    private final CampaignLifecycle campaigns;
    private final FanOut fanOut;
    private final SqsBatch<FanOutRequest> batch = new SqsBatch<>(FanOutRequest.CODEC, new JsonLog(System.out));

    public FanOutHandler() {
        this(Wiring.fromEnvironment(Setting.Function.FanOutFunction));
    }

    public FanOutHandler(Wiring wiring) {
        this.campaigns = wiring.campaignLifecycle();
        this.fanOut = wiring.fanOut();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handleEach(event, "fanout", "fanout.failed", (request, fields) -> {
            fields.put("campaignId", request.campaignId());
            if (request.start()) {
                // The embargo schedule fired: release the page and start, or hold if far too late.
                fields.put("started", campaigns.startScheduled(request.campaignId()).name());
            }
            FanOut.Result result = fanOut.fanOut(request.campaignId(),
                    () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
            if (result == FanOut.Result.CONTINUE) {
                fanOut.continueLater(request.campaignId());
            }
            fields.put("result", result.name());
        });
    }
}
