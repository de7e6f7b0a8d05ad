package despatch.sending;

import java.util.List;

/** The queue send workers consume; SQS in AWS. */
public interface SendQueue {
    void enqueue(List<SendBatch> batches);

    /** One batch, to become visible after the delay (at most 15 minutes, SQS's limit). */
    void enqueueLater(SendBatch batch, java.time.Duration delay);
}
