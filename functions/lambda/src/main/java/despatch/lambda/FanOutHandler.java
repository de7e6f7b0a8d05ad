package despatch.lambda;

import org.crac.Core;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.SendingFactory;
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
public class FanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    /** A page takes well under a second; this leaves room to save the cursor and ask again. */
    private static final int RESERVE_MILLIS = 30_000;

    private final CampaignLifecycle campaigns;
    private final FanOut fanOut;
    private final SqsBatch<FanOutRequest> batch = new SqsBatch<>(FanOutRequest.CODEC, new JsonLog(System.out));
    private final Runnable priming;

    public FanOutHandler() {
        this(Wiring.fromEnvironment(Setting.Function.FanOutFunction));
        Core.getGlobalContext().register(this);
    }

    public FanOutHandler(Wiring wiring) {
        SendingFactory sending = new SendingFactory(wiring);
        this.campaigns = sending.campaignLifecycle();
        this.fanOut = sending.fanOut();
        this.priming = sending::primeFanOut;
    }

    /** Before the SnapStart snapshot: every client this function uses, read once (see the factories' prime methods). */
    @Override
    public void prime() {
        priming.run();
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
            } else if (result == FanOut.Result.TOPPED_UP || result == FanOut.Result.AHEAD) {
                fanOut.lookAgainLater(request.campaignId(), result, request.idleLooks());
            }
            fields.put("result", result.name());
        });
    }
}
