package despatch.lambda;

import org.crac.Core;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.SendingFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.messages.SendBatchCodec;
import despatch.sending.BatchOutcome;
import despatch.sending.DeliveryState;
import despatch.sending.SendBatch;
import despatch.sending.SendQueueConsumer;
import java.util.List;
import java.util.Locale;

/**
 * SendFunction: consumes the send queue with partial batch failures. Each batch is sent, and its
 * recipients left to retry go back on the queue as a new, delayed message ({@link SendQueueConsumer});
 * a message whose handling failed is reported failed, so SQS delivers it again and the recipients
 * already claimed are skipped then. Logs campaign ids and counts, never addresses.
 */
public class SendHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    static {
        // A worker keeps up to 64 recipients in flight; the JDK's HTTP client keeps only 5 connections
        // to a host alive by default, and a new one for each of the others would add a TLS handshake to every send.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    /** One send takes well under a second, even throttled by the SDK; this leaves room to put the rest back. */
    private static final int RESERVE_MILLIS = 15_000;
    private final SendQueueConsumer consumer;
    private final SqsBatch<SendBatch> batch = new SqsBatch<>(SendBatchCodec.CODEC, new JsonLog(System.out));
    private final Runnable priming;

    public SendHandler() {
        this(Wiring.fromEnvironment(Setting.Function.SendFunction));
        Core.getGlobalContext().register(this);
    }

    public SendHandler(Wiring wiring) {
        SendingFactory sending = new SendingFactory(wiring);
        this.consumer = sending.sendQueueConsumer();
        this.priming = sending::primeSender;
    }

    /** Before the SnapStart snapshot: every client this function uses, read once (see the factories' prime methods). */
    @Override
    public void prime() {
        priming.run();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // The messages side by side: one worker's recipients in flight span them all, rather than waiting at each message's end.
        return batch.handleEachAtOnce(event, "send.batch", "send.batch.retry", (sendBatch, fields) -> {
            fields.put("campaignId", sendBatch.campaignId());
            fields.put("recipients", sendBatch.recipients().size());
            // Stop starting sends with time to spare: the rest go back on the queue, nothing is left half-done.
            BatchOutcome outcome = consumer.consume(sendBatch, () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
            for (DeliveryState state : List.of(DeliveryState.SENT, DeliveryState.SUPPRESSED, DeliveryState.FAILED)) {
                fields.put(state.name().toLowerCase(Locale.ROOT), outcome.ended().values().stream().filter(s -> s == state).count());
            }
            fields.put("alreadyClaimed", outcome.alreadyClaimed().size());
            fields.put("unknownOutcome", outcome.unknown().size());
            fields.put("retry", outcome.retry().size());
            fields.put("paused", outcome.paused());
        });
    }
}
