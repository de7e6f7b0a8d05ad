package despatch.lambda.wiring;

import despatch.console.CampaignFinishedNotice;
import despatch.lambda.aws.S3UploadStore;
import despatch.sending.CampaignFinished;

import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbDeliveryLedger;
import despatch.lambda.aws.DynamoDbQuotaLedger;
import despatch.lambda.aws.EventBridgeCampaignScheduler;
import despatch.lambda.aws.S3ArticleRelease;
import despatch.lambda.aws.SesCampaignMailer;
import despatch.lambda.aws.SesSendingAccount;
import despatch.lambda.aws.SqsSendQueue;
import despatch.common.RateWindow;
import despatch.sending.ArticleRelease;
import despatch.sending.BatchSender;
import despatch.sending.CampaignLifecycle;
import despatch.sending.CampaignOutcomes;
import despatch.sending.CampaignScheduler;
import despatch.sending.DailyQuota;
import despatch.sending.DailyQuotaGate;
import despatch.sending.FanOut;
import despatch.sending.PacedCampaignMailer;
import despatch.sending.RetryDelay;
import despatch.sending.RecentSendQuota;
import despatch.sending.SendRate;
import despatch.sending.SendingAccount;
import despatch.sending.SendingLimits;
import despatch.sending.SendWorker;
import despatch.sending.SendQueueConsumer;
import despatch.sending.StaffCampaignActions;
import despatch.sending.StartDecision;
import despatch.sending.StoreRecipientCheck;
import despatch.sending.TestSend;
import java.time.Duration;
import java.util.function.Supplier;

/** Campaigns and their sending: the campaign use cases, the send queue's consumer, and test sends. */
public final class SendingFactory {
    private final Wiring wiring;
    private final SubscriptionsFactory subscriptions;
    private final SiteFactory site;
    private final Supplier<SqsSendQueue> queue;
    private final Supplier<DynamoDbCampaignStore> store;
    private final Supplier<CampaignLifecycle> lifecycle;
    private final Supplier<EventBridgeCampaignScheduler> scheduler;

    public SendingFactory(Wiring wiring) {
        this(wiring, new SiteFactory(wiring));
    }

    /** Sharing {@code site}'s adapters with a caller that uses them too (publishing). */
    SendingFactory(Wiring wiring, SiteFactory site) {
        this.wiring = wiring;
        this.subscriptions = new SubscriptionsFactory(wiring);
        this.site = site;
        Settings settings = wiring.settings();
        this.queue = Once.of(() -> new SqsSendQueue(wiring.aws().sqs().get(), settings.optional(Setting.SEND_QUEUE_URL),
                settings.optional(Setting.FAN_OUT_QUEUE_URL)));
        this.store = Once.of(() -> new DynamoDbCampaignStore(wiring.aws().dynamoDb().get(), settings.get(Setting.CAMPAIGNS_TABLE)));
        this.lifecycle = Once.of(this::newLifecycle);
        // Built when first used: it needs settings only the functions that schedule have.
        this.scheduler = Once.of(() -> new EventBridgeCampaignScheduler(wiring.aws().scheduler().get(),
                settings.get(Setting.SCHEDULE_NAME_PREFIX), settings.get(Setting.FAN_OUT_QUEUE_ARN), settings.get(Setting.SCHEDULER_ROLE_ARN)));
    }

    /**
     * Before a SnapStart snapshot: campaigns, subscribers, the rendered emails and the queues this
     * function has, read once; the campaign, queue and (where it releases articles) site writes, refused.
     */
    public void prime() {
        Settings settings = wiring.settings();
        Warmup.read(() -> store.get().find(Warmup.NOTHING));
        RefusedWrites.putAndUpdate(wiring.aws().dynamoDb().get(), settings.get(Setting.CAMPAIGNS_TABLE), RefusedWrites.pkSk());
        subscriptions.primeStore();
        Warmup.read(() -> site.renderedEmails.get().webPage(Warmup.NOTHING));
        for (Setting queueUrl : java.util.List.of(Setting.SEND_QUEUE_URL, Setting.FAN_OUT_QUEUE_URL)) {
            if (!settings.optional(queueUrl).isEmpty()) {
                // A send refused by SQS warms the path every sender uses, with the one permission it has.
                RefusedWrites.send(wiring.aws().sqs().get(), settings.get(queueUrl));
            }
        }
        if (!settings.optional(Setting.SITE_QUEUE_URL).isEmpty()) {
            site.primeRelease();
        }
    }

    /** The same, then the delivery ledger, the signing secret and campaign SES, for the send queue's consumer. */
    public void primeSender() {
        prime();
        Warmup.read(() -> new DynamoDbDeliveryLedger(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.CAMPAIGNS_TABLE))
                .stateOf(Warmup.NOTHING, Warmup.NOTHING));
        Warmup.read(() -> subscriptions.configuredLinks());
        Warmup.read(() -> wiring.aws().campaignSes().get().getAccount(r -> { }));
        warmSendingQuota();
    }

    /** The same as {@link #prime}, then SES's GetAccount, which fan-out reads for the account's rate and daily quota. */
    public void primeFanOut() {
        prime();
        warmSendingQuota();
    }

    /** The client that reads the account's quota, warmed by reading it (nothing is kept: the snapshot must not fix the rate). */
    private void warmSendingQuota() {
        Warmup.read(() -> wiring.aws().ses().get().getAccount(r -> { }));
    }

    /** Campaigns as publishing drives them: made, scheduled, started, withdrawn. */
    public CampaignLifecycle campaignLifecycle() {
        return lifecycle.get();
    }

    /** A campaign's lists paged onto the send queue, each page counted against the account's SES daily quota. */
    public FanOut fanOut() {
        // One reading for the daily count and the rate; SES is read again at most every 30 seconds.
        SendingAccount account = new RecentSendQuota(new SesSendingAccount(wiring.aws().ses()), Duration.ofSeconds(30), wiring.clock());
        return new FanOut(store.get(), subscriptions.store.get(), queue.get(), queue.get(), wiring.clock(), finishedNotice(),
                new SendingLimits(dailyQuota(account), sendRate(account), campaignScheduler()));
    }

    /**
     * The account's SES rate under the office's cap (read from SES when first needed, not while
     * a SnapStart snapshot is taken), shared by the send workers. Through the client that
     * retries: a read that fails once should not fail a batch.
     */
    private SendRate sendRate(SendingAccount account) {
        Settings settings = wiring.settings();
        return new SendRate(account, settings.decimalOrZero(Setting.SEND_RATE_CAP),
                settings.number(Setting.SEND_WORKERS), wiring.clock());
    }

    /** The account's SES daily quota, shared by every campaign through one item in the campaigns table. */
    private DailyQuota dailyQuota(SendingAccount account) {
        return new DailyQuota(account,
                new DynamoDbQuotaLedger(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.CAMPAIGNS_TABLE)), wiring.clock());
    }

    private CampaignScheduler campaignScheduler() {
        return new CampaignScheduler() {
            @Override
            public void scheduleStart(String campaignId, java.time.Instant at) {
                scheduler.get().scheduleStart(campaignId, at);
            }

            @Override
            public void scheduleFanOut(String campaignId, java.time.Instant at) {
                scheduler.get().scheduleFanOut(campaignId, at);
            }
        };
    }

    /** Staff's start, cancel and resend of campaigns. */
    public StaffCampaignActions staffCampaignActions() {
        return new StaffCampaignActions(store.get(), subscriptions.store.get(), queue.get(), queue.get(), articleRelease(),
                wiring.clock());
    }

    /** The send queue, for fan-out's batches and for recipients put back to try later. */
    public SqsSendQueue sendQueue() {
        return queue.get();
    }

    public RetryDelay retryDelay() {
        Settings settings = wiring.settings();
        return new RetryDelay(Duration.ofSeconds(settings.number(Setting.SEND_RETRY_FIRST_DELAY_SECONDS)),
                Duration.ofSeconds(settings.number(Setting.SEND_RETRY_LONGEST_DELAY_SECONDS)));
    }

    /**
     * How long one recipient takes in AWS, claim to mark (four round trips: DynamoDB's few
     * milliseconds each, SES's SendEmail tens), with room to spare: a worker keeps as many
     * recipients in flight as its share of the rate fills in that time.
     */
    static final double SECONDS_PER_RECIPIENT = 0.25;
    /** Beyond this, more in flight buys nothing but connections. */
    static final int MOST_IN_FLIGHT = 64;

    /** Recipients a worker keeps in flight so that its pace, not the round trips, sets how fast it sends. */
    static int inFlight(double perSecond) {
        return (int) Math.max(1, Math.min(MOST_IN_FLIGHT, Math.ceil(perSecond * SECONDS_PER_RECIPIENT)));
    }

    /** The send queue's consumer: rendered emails from S3, the ledger, the subscriber check and SES. */
    public BatchSender batchSender() {
        Settings settings = wiring.settings();
        SendingAccount account = new SesSendingAccount(wiring.aws().ses());
        SendRate rate = sendRate(account);
        SendWorker worker = new SendWorker(new DynamoDbDeliveryLedger(wiring.aws().dynamoDb().get(), settings.get(Setting.CAMPAIGNS_TABLE)),
                new StoreRecipientCheck(subscriptions.store.get()),
                new DailyQuotaGate(new PacedCampaignMailer(campaignMailer(wiring.aws().campaignSes().get()),
                        new RateWindow(rate::perWorker)), wiring.clock()),
                wiring.clock(), () -> inFlight(rate.perWorker()));
        return new BatchSender(site.renderedEmails.get(), new CampaignOutcomes(store.get(), wiring.clock(), finishedNotice()), worker,
                subscriptions.configuredLinks(), settings.optional(Setting.UNSUBSCRIBE_MAILBOX), dailyQuota(account));
    }

    /**
     * The publisher told, by email, that their campaign has gone out; only where the function can
     * find them (ARTICLES_TABLE). Built when a campaign first finishes: a cold start pays nothing for it.
     */
    private CampaignFinished finishedNotice() {
        Settings settings = wiring.settings();
        if (settings.optional(Setting.ARTICLES_TABLE).isEmpty()) {
            return CampaignFinished.NONE;
        }
        Supplier<CampaignFinishedNotice> notice = Once.of(() -> new CampaignFinishedNotice(site.articles.get(),
                new S3UploadStore(wiring.aws().s3().get(), settings.get(Setting.UPLOADS_BUCKET)), subscriptions.mailer.get(),
                subscriptions.renderer.get(), wiring.office(), wiring.office().subscriptionApiBase() + "/console"));
        return campaign -> notice.get().finished(campaign);
    }

    /** The send queue's consumer: sends a batch and puts what is left back on the queue, later. */
    public SendQueueConsumer sendQueueConsumer() {
        return new SendQueueConsumer(batchSender(), sendQueue(), retryDelay());
    }

    /** Test sends from the preview function: the real email to staff, marked as a test, through the same SES path. */
    public TestSend testSend() {
        return new TestSend(campaignMailer(wiring.aws().ses().get()), wiring.settings().optional(Setting.STAFF_ADDRESSES),
                wiring.office().subscriptionApiBase());
    }

    private SesCampaignMailer campaignMailer(software.amazon.awssdk.services.sesv2.SesV2Client ses) {
        Settings settings = wiring.settings();
        return new SesCampaignMailer(ses, wiring.office().name(), settings.get(Setting.SENDER_ADDRESS),
                settings.optional(Setting.SES_CONFIGURATION_SET));
    }

    private CampaignLifecycle newLifecycle() {
        Settings settings = wiring.settings();
        return new CampaignLifecycle(wiring.office(), store.get(), queue.get(), campaignScheduler(),
                articleRelease(), new StartDecision(Duration.ofMinutes(settings.number(Setting.START_TOLERANCE_MINUTES))), wiring.clock());
    }

    /** The page release is built when first used: it needs settings only the functions that release have. */
    private ArticleRelease articleRelease() {
        Settings settings = wiring.settings();
        Supplier<S3ArticleRelease> release = Once.of(() -> new S3ArticleRelease(wiring.aws().s3().get(), settings.get(Setting.UPLOADS_BUCKET),
                settings.get(Setting.SITE_BUCKET), site.articles.get(), site.siteChanges(), wiring.clock()));
        return slug -> release.get().release(slug);
    }
}
