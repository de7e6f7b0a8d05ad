package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.SubscriptionsFactory;
import despatch.lambda.wiring.Wiring;
import despatch.messages.DataLinkRequest;
import despatch.subscription.SubscriptionService;
import org.crac.Core;

/**
 * SubscriberMailFunction: mails the data link someone asked for on the my-data form, if the
 * address is subscribed (within its daily mail limit), and nothing otherwise. The request only
 * put the address on the queue, so its answer took the same time for every address. Logs message
 * ids only, never the address.
 */
public class SubscriberMailHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    private final SubscriptionService subscriptions;
    private final Runnable priming;
    private final SqsBatch<DataLinkRequest> batch = new SqsBatch<>(DataLinkRequest.CODEC, new JsonLog(System.out));

    public SubscriberMailHandler() {
        this(Wiring.fromEnvironment(Setting.Function.SubscriberMailFunction));
        Core.getGlobalContext().register(this);
    }

    public SubscriberMailHandler(Wiring wiring) {
        SubscriptionsFactory factory = new SubscriptionsFactory(wiring);
        this.subscriptions = factory.subscriberMail();
        this.priming = factory::prime;
    }

    /** Before the SnapStart snapshot: the subscriber table, the signing secret, SES and the link email, once each. */
    @Override
    public void prime() {
        priming.run();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handleEach(event, "subscriber.mail", "subscriber.mail.failed",
                (request, fields) -> subscriptions.sendDataLink(request.address(), subscriptions.links(request.baseUrl())));
    }
}
