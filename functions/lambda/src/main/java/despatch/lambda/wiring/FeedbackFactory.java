package despatch.lambda.wiring;

import despatch.feedback.FeedbackService;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbFeedbackTally;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.subscription.Suppressions;

/** Bounces and complaints: suppression through the subscription rules, soft bounces counted on the address. */
public final class FeedbackFactory {
    private final Wiring wiring;
    private final SubscriptionsFactory subscriptions;

    public FeedbackFactory(Wiring wiring) {
        this.wiring = wiring;
        this.subscriptions = new SubscriptionsFactory(wiring);
    }

    public FeedbackService feedbackService() {
        Settings settings = wiring.settings();
        DynamoDbSubscriberStore store = subscriptions.store.get();
        DynamoDbCampaignStore campaigns = settings.flag(Setting.TRACKING)
                ? new DynamoDbCampaignStore(wiring.aws().dynamoDb().get(), settings.get(Setting.CAMPAIGNS_TABLE)) : null;
        return new FeedbackService(new Suppressions(wiring.office(), store, wiring.clock()), store,
                settings.number(Setting.SOFT_BOUNCES_BEFORE_SUPPRESSION), campaigns == null ? null : campaigns::addEngagement,
                new DynamoDbFeedbackTally(wiring.aws().dynamoDb().get(), settings.get(Setting.CAMPAIGNS_TABLE)), wiring.clock());
    }

    /** Before a SnapStart snapshot: the subscriber table read once; its writes and (with tracking) the campaigns', refused. */
    public void prime() {
        subscriptions.primeStore();
        subscriptions.primeStoreWrites();
        // The day's feedback tally is added to in the campaigns table, tracking or not.
        RefusedWrites.putAndUpdate(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.CAMPAIGNS_TABLE), RefusedWrites.pkSk());
    }
}
