package despatch.subscription;

import despatch.common.EmailAddress;
import java.util.ArrayList;
import java.util.List;

/** The subscriber mail queue as a list: what requests handed over, delivered to the consumer when a test says so. */
public final class RecordingSubscriberRequests implements SubscriberRequests {
    /** One message; {@code subscription} and {@code origin} are null for a data-link request. */
    public record Request(EmailAddress address, String baseUrl, ValidSubscription subscription, RequestOrigin origin) {
        public boolean isSubscribe() {
            return subscription != null;
        }
    }

    private final List<Request> waiting = new ArrayList<>();

    @Override
    public synchronized void subscribe(ValidSubscription request, RequestOrigin origin, String baseUrl) {
        waiting.add(new Request(request.address(), baseUrl, request, origin));
    }

    @Override
    public synchronized void dataLink(EmailAddress address, String baseUrl) {
        waiting.add(new Request(address, baseUrl, null, null));
    }

    public synchronized List<Request> waiting() {
        return List.copyOf(waiting);
    }

    /** What SubscriberMailFunction does with each message, in order; the queue is empty after. */
    public synchronized void deliverTo(SubscriptionService consumer) {
        // Taken off first, so a test that expects a failure does not meet the same message again at its next delivery.
        List<Request> delivering = List.copyOf(waiting);
        waiting.clear();
        for (Request request : delivering) {
            SubscriptionLinks links = consumer.links(request.baseUrl());
            if (request.isSubscribe()) {
                consumer.recordSubscription(request.subscription(), request.origin(), links);
            } else {
                consumer.sendDataLink(request.address(), links);
            }
        }
    }
}
