package despatch.subscription;

import despatch.common.EmailAddress;

/**
 * Hands a public form's request over to be carried out later (a queue in AWS), so that the request
 * takes the same path, and the same time, whatever the address's state. The consumer calls
 * {@link SubscriptionService#recordSubscription} or {@link SubscriptionService#sendDataLink}.
 * Every method takes the API's address, which the links in the email lead back to.
 */
public interface SubscriberRequests {
    void subscribe(ValidSubscription request, RequestOrigin origin, String baseUrl);

    void dataLink(EmailAddress address, String baseUrl);

    /** For the queue's own consumer, which carries requests out and never hands one over. */
    static SubscriberRequests none() {
        return new SubscriberRequests() {
            @Override
            public void subscribe(ValidSubscription request, RequestOrigin origin, String baseUrl) {
                throw new IllegalStateException("The subscriber mail queue's consumer records subscriptions; it does not request them");
            }

            @Override
            public void dataLink(EmailAddress address, String baseUrl) {
                throw new IllegalStateException("The subscriber mail queue's consumer mails data links; it does not request them");
            }
        };
    }
}
