package despatch.lambda.aws;

import despatch.common.EmailAddress;
import despatch.messages.SubscriberRequest;
import despatch.subscription.RequestOrigin;
import despatch.subscription.SubscriberRequests;
import despatch.subscription.ValidSubscription;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Subscribe and data-link requests on the subscriber mail queue (encrypted at rest), for SubscriberMailFunction to carry out. */
public final class SqsSubscriberRequests implements SubscriberRequests {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSubscriberRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void subscribe(ValidSubscription request, RequestOrigin origin, String baseUrl) {
        send(SubscriberRequest.subscribe(request, origin, baseUrl));
    }

    @Override
    public void dataLink(EmailAddress address, String baseUrl) {
        send(SubscriberRequest.dataLink(address, baseUrl));
    }

    private void send(SubscriberRequest request) {
        String body = SubscriberRequest.CODEC.write(request);
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
    }
}
