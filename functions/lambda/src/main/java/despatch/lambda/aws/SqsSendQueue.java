package despatch.lambda.aws;

import despatch.messages.FanOutRequest;
import despatch.messages.SendBatchCodec;
import despatch.sending.FanOutRequests;
import despatch.sending.SendBatch;
import despatch.sending.SendQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The send and fan-out queues on SQS. Batches go ten to a SendMessageBatch; entries SQS refuses
 * are sent again, and a batch it keeps refusing fails the caller, whose retry re-enqueues the page
 * (duplicates cost only claims).
 */
public final class SqsSendQueue implements SendQueue, FanOutRequests {
    private static final int ENTRIES = 10;
    private static final int ATTEMPTS = 5;

    private final SqsClient sqs;
    private final String sendQueueUrl;
    private final String fanOutQueueUrl;

    public SqsSendQueue(SqsClient sqs, String sendQueueUrl, String fanOutQueueUrl) {
        this.sqs = sqs;
        this.sendQueueUrl = sendQueueUrl;
        this.fanOutQueueUrl = fanOutQueueUrl;
    }

    @Override
    public void enqueue(List<SendBatch> batches) {
        for (int from = 0; from < batches.size(); from += ENTRIES) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<SendBatch> chunk = batches.subList(from, Math.min(batches.size(), from + ENTRIES));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(SendBatchCodec.CODEC.write(chunk.get(i))).build());
            }
            sendAll(entries);
        }
    }

    @Override
    public void enqueueLater(SendBatch batch, java.time.Duration delay) {
        sqs.sendMessage(send -> send.queueUrl(sendQueueUrl).messageBody(SendBatchCodec.CODEC.write(batch))
                .delaySeconds((int) Math.min(900, Math.max(0, delay.toSeconds()))));
    }

    @Override
    public void request(String campaignId) {
        sqs.sendMessage(send -> send.queueUrl(fanOutQueueUrl).messageBody(FanOutRequest.CODEC.write(FanOutRequest.resume(campaignId))));
    }

    @Override
    public void requestLater(String campaignId, java.time.Duration delay, int idleLooks) {
        sqs.sendMessage(send -> send.queueUrl(fanOutQueueUrl)
                .messageBody(FanOutRequest.CODEC.write(FanOutRequest.lookAgain(campaignId, idleLooks)))
                .delaySeconds((int) Math.min(900, Math.max(0, delay.toSeconds()))));
    }

    private void sendAll(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> remaining = entries;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> sending = remaining;
            SendMessageBatchResponse response = sqs.sendMessageBatch(batch -> batch.queueUrl(sendQueueUrl).entries(sending));
            List<String> failed = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            remaining = sending.stream().filter(entry -> failed.contains(entry.id())).toList();
            if (!remaining.isEmpty() && attempt == ATTEMPTS) {
                throw new IllegalStateException(remaining.size() + " send batches stayed refused by SQS");
            }
        }
    }
}
