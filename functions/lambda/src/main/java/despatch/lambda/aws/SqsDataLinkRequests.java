package despatch.lambda.aws;

import despatch.messages.DataLinkRequest;
import despatch.subscription.DataLinkRequests;
import despatch.common.EmailAddress;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Data-link requests on the subscriber mail queue (encrypted at rest), for SubscriberMailFunction to mail. */
public final class SqsDataLinkRequests implements DataLinkRequests {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDataLinkRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void request(EmailAddress address, String baseUrl) {
        String body = DataLinkRequest.CODEC.write(new DataLinkRequest(address, baseUrl));
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
    }
}
