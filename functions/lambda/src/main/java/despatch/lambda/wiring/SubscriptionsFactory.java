package despatch.lambda.wiring;

import despatch.lambda.aws.DynamoDbDailyLimiter;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.aws.SesMailer;
import despatch.lambda.aws.SqsSubscriberRequests;
import despatch.render.LinkEmailView;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.SubscriberRequests;
import despatch.subscription.SubscriptionEmails;
import despatch.subscription.SubscriptionLimits;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.SubscriptionService;
import despatch.subscription.TokenSigner;
import despatch.subscription.web.SubscriptionApi;
import java.util.List;
import java.util.function.Supplier;

/** Subscribers: their store, the link signer, the mailer and emails for confirmations and links, and the subscription API. */
public final class SubscriptionsFactory {
    private final Wiring wiring;
    final Supplier<DynamoDbSubscriberStore> store;
    final Supplier<SesMailer> mailer;
    final Supplier<SubscriptionRenderer> renderer;
    private final Supplier<TokenSigner> signer;

    public SubscriptionsFactory(Wiring wiring) {
        this.wiring = wiring;
        Settings settings = wiring.settings();
        AwsClients aws = wiring.aws();
        // Optional here: PublishFunction's campaigns hold the store but never page a list; functions that do require the table.
        this.store = Once.of(() -> new DynamoDbSubscriberStore(aws.dynamoDb().get(), settings.optional(Setting.SUBSCRIBERS_TABLE)));
        this.mailer = Once.of(() -> new SesMailer(aws.ses().get(), wiring.office().name(), settings.get(Setting.SENDER_ADDRESS),
                settings.optional(Setting.SES_CONFIGURATION_SET)));
        this.renderer = Once.of(() -> new SubscriptionRenderer(wiring.office()));
        this.signer = Once.of(() -> new TokenSigner(SecretsManagerSigningSecret.read(aws.secrets().get(),
                settings.get(Setting.SIGNING_SECRET_ARN)), wiring.clock()));
    }

    /** The subscription API with its renderer, store, limiter, mailer and signer; subscribe and data-link requests go on the mail queue. */
    public SubscriptionApi subscriptionApi() {
        SubscriberRequests queue = new SqsSubscriberRequests(wiring.aws().sqs().get(), wiring.settings().get(Setting.SUBSCRIBER_MAIL_QUEUE_URL));
        return new SubscriptionApi(wiring.office(), subscriptionService(queue), renderer.get());
    }

    /** SubscriberMailFunction: carries out the requests the subscription API queued; it queues none itself. */
    public SubscriptionService subscriberMail() {
        return subscriptionService(SubscriberRequests.none());
    }

    private SubscriptionService subscriptionService(SubscriberRequests requests) {
        Settings settings = wiring.settings();
        return new SubscriptionService(wiring.office(), store.get(),
                new DynamoDbDailyLimiter(wiring.aws().dynamoDb().get(), settings.get(Setting.SUBSCRIBERS_TABLE)), mailer.get(), emails(),
                signer.get(), new SubscriptionLimits(settings.number(Setting.MAILS_PER_ADDRESS_PER_DAY),
                        settings.number(Setting.REQUESTS_PER_NETWORK_PER_DAY)), wiring.clock(), requests);
    }

    /**
     * Links in emails sent outside a request (import confirmations, campaigns): there is no
     * request to take an address from, so it must be configured.
     */
    public SubscriptionLinks configuredLinks() {
        return new SubscriptionLinks(wiring.settings().get(Setting.PUBLIC_API_URL), signer.get());
    }

    /** Before a SnapStart snapshot: the subscriber table read once (by a function that has it: PublishFunction has not). */
    public void primeStore() {
        if (!wiring.settings().optional(Setting.SUBSCRIBERS_TABLE).isEmpty()) {
            Warmup.read(() -> store.get().findAddress(Warmup.NOTHING));
        }
    }

    /** The same, then the signing secret (kept, as the signer keeps it) and SES, for functions that mail subscribers. */
    public void prime() {
        primeStore();
        primeStoreWrites();
        Warmup.read(signer::get);
        Warmup.read(() -> wiring.aws().ses().get().getAccount(r -> { }));
        // Confirmations and data links share one email template: rendered once here, Thymeleaf keeps it parsed.
        renderer.get().linkEmail(new LinkEmailView("Priming", "", List.of("Priming."), "Confirm", "https://snapshot.invalid/", List.of()));
        String mailQueue = wiring.settings().optional(Setting.SUBSCRIBER_MAIL_QUEUE_URL);
        if (!mailQueue.isEmpty()) {
            RefusedWrites.send(wiring.aws().sqs().get(), mailQueue);
        }
    }

    /** The subscriber table's put and update, each refused (see {@link RefusedWrites}), for functions that change subscribers. */
    void primeStoreWrites() {
        RefusedWrites.putAndUpdate(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.SUBSCRIBERS_TABLE), RefusedWrites.pkSk());
    }

    /** The subscriber table's batch write, refused, for functions that write subscribers in batches (imports). */
    void primeBatchWrites() {
        RefusedWrites.batchWrite(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.SUBSCRIBERS_TABLE));
    }

    SubscriptionEmails emails() {
        return new SubscriptionEmails(wiring.office(), renderer.get());
    }
}
