package despatch.lambda;

import org.crac.Core;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.SendingFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.sending.BatchOutcome;
import despatch.sending.BatchSender;
import despatch.sending.DeliveryState;
import despatch.sending.RetryDelay;
import despatch.sending.SendQueue;
import despatch.sending.SendBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SendFunction: consumes the send queue with partial batch failures. A message whose recipients
 * were all dealt with succeeds; one with recipients left to retry (throttled, paused, not reached)
 * is reported failed, so SQS delivers it again after its visibility timeout, and the recipients
 * already claimed are skipped then. A message that is not a send batch fails until the queue's
 * redrive moves it to the dead-letter queue. Logs campaign ids and counts, never addresses.
 */
public class SendHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    /** One send takes well under a second, even throttled by the SDK; this leaves room to put the rest back. */
    private static final int RESERVE_MILLIS = 15_000;
    private final BatchSender sender;
    private final SendQueue queue;
    private final RetryDelay delays;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);

    public SendHandler() {
        this(Wiring.fromEnvironment(Setting.Function.SendFunction));
        Core.getGlobalContext().register(this);
    }

    public SendHandler(Wiring wiring) {
        SendingFactory sending = new SendingFactory(wiring);
        this.sender = sending.batchSender();
        this.queue = sending.sendQueue();
        this.delays = sending.retryDelay();
        this.priming = sending::primeSender;
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
            fields.put("messageId", message.getMessageId());
            boolean done;
            try {
                SendBatch batch = SendBatch.fromJson(message.getBody());
                // Stop starting sends with time to spare: the rest go back on the queue, nothing is left half-done.
                BatchOutcome outcome = sender.send(batch, () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
                fields.put("campaignId", batch.campaignId());
                fields.put("recipients", batch.recipients().size());
                for (DeliveryState state : List.of(DeliveryState.SENT, DeliveryState.SUPPRESSED, DeliveryState.FAILED)) {
                    fields.put(state.name().toLowerCase(java.util.Locale.ROOT),
                            outcome.ended().values().stream().filter(s -> s == state).count());
                }
                fields.put("alreadyClaimed", outcome.alreadyClaimed().size());
                fields.put("unknownOutcome", outcome.unknown().size());
                fields.put("retry", outcome.retry().size());
                fields.put("paused", outcome.paused());
                if (!outcome.retry().isEmpty()) {
                    // The unsent recipients go back as a new, delayed message: a long throttle or a pause
                    // then never runs a batch into the dead-letter queue's receive limit.
                    queue.enqueueLater(batch.retrying(outcome.retry()), delays.after(batch.attempt(), outcome.paused()));
                }
                done = true;
            } catch (IllegalArgumentException e) {
                fields.put("error", "not a send batch");
                done = false;
            } catch (RuntimeException e) {
                fields.put("error", e.getClass().getName());
                done = false;
            }
            if (done) {
                log.info("send.batch", fields);
            } else {
                log.warn("send.batch.retry", fields);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
