package despatch.subscription;

import despatch.common.EmailAddress;

import java.util.ArrayList;
import java.util.List;

/** The subscriber mail queue as a list: what requests handed over, delivered to the consumer when a test says so. */
public final class RecordingDataLinkRequests implements DataLinkRequests {
    public record Request(EmailAddress address, String baseUrl) {
    }

    private final List<Request> waiting = new ArrayList<>();

    @Override
    public synchronized void request(EmailAddress address, String baseUrl) {
        waiting.add(new Request(address, baseUrl));
    }

    public synchronized List<Request> waiting() {
        return List.copyOf(waiting);
    }

    /** What SubscriberMailFunction does with each message, in order; the queue is empty after. */
    public synchronized void deliverTo(SubscriptionService consumer) {
        waiting.forEach(request -> consumer.sendDataLink(request.address(), consumer.links(request.baseUrl())));
        waiting.clear();
    }
}
