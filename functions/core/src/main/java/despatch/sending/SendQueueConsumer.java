package despatch.sending;

import java.util.function.BooleanSupplier;

/**
 * What the send queue's consumer does with one batch: send what can go now, and put the
 * recipients left to retry (throttled, paused, out of time) back on the queue as a new, delayed
 * message. A long throttle or a pause then never runs a batch into the dead-letter queue's
 * receive limit, and the delay grows with each try.
 */
public final class SendQueueConsumer {
    private final BatchSender sender;
    private final SendQueue queue;
    private final RetryDelay delays;

    public SendQueueConsumer(BatchSender sender, SendQueue queue, RetryDelay delays) {
        this.sender = sender;
        this.queue = queue;
        this.delays = delays;
    }

    /** @param timeLeft false once the invocation is near its end; see {@link SendWorker#send} */
    public BatchOutcome consume(SendBatch batch, BooleanSupplier timeLeft) {
        BatchOutcome outcome = sender.send(batch, timeLeft);
        if (!outcome.retry().isEmpty()) {
            queue.enqueueLater(batch.retrying(outcome.retry()), delays.after(batch.attempt(), outcome.paused()));
        }
        return outcome;
    }
}
