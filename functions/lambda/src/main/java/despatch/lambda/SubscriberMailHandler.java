package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.SubscriptionsFactory;
import despatch.lambda.wiring.Wiring;
import despatch.messages.SubscriberRequest;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.SubscriptionService;
import org.crac.Core;

/**
 * SubscriberMailFunction: carries out what the public forms handed over. A subscribe request is
 * recorded and answered with a confirmation (or a manage link); a data-link request is mailed if
 * the address is subscribed, and nothing otherwise; both within the address's daily mail limit.
 * The request only put the address on the queue, so its answer took the same time for every
 * address. Logs message ids and kinds only, never the address.
 */
public class SubscriberMailHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, PrimedBySnapStart {
    private final SubscriptionService subscriptions;
    private final Runnable priming;
    private final SqsBatch<SubscriberRequest> batch = new SqsBatch<>(SubscriberRequest.CODEC, new JsonLog(System.out));

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
        return batch.handleEach(event, "subscriber.mail", "subscriber.mail.failed", (request, fields) -> {
            fields.put("kind", request.kind().name());
            SubscriptionLinks links = subscriptions.links(request.baseUrl());
            switch (request.kind()) {
                case SUBSCRIBE -> subscriptions.recordSubscription(request.subscription(), request.origin(), links);
                case DATA_LINK -> subscriptions.sendDataLink(request.address(), links);
            }
        });
    }
}
