package despatch.sending;

import java.util.List;

/** The queue send workers consume; SQS in AWS. */
public interface SendQueue {
    void enqueue(List<SendBatch> batches);
}
