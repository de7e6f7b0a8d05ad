package despatch.lambda.wiring;

import despatch.article.ArticleParser;
import despatch.lambda.aws.DynamoDbArticleStore;
import despatch.lambda.aws.S3RenderedEmailStore;
import despatch.lambda.aws.S3SitePublisher;
import despatch.lambda.aws.S3UploadStore;
import despatch.lambda.aws.SqsSiteChanges;
import despatch.publish.CampaignStarter;
import despatch.site.SiteBuilder;
import despatch.site.SiteService;
import despatch.office.Office;
import despatch.publish.PreviewService;
import despatch.publish.PublishService;
import despatch.render.ArticleRenderer;
import despatch.lambda.aws.DynamoDbDailyLimiter;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbDeliveryLedger;
import despatch.lambda.aws.SqsSubscriberRequests;
import despatch.lambda.aws.SqsSendQueue;
import despatch.feedback.FeedbackService;
import despatch.subscription.Suppressions;
import despatch.sending.ArticleRelease;
import despatch.sending.CampaignLifecycle;
import despatch.sending.CampaignOutcomes;
import despatch.sending.FanOut;
import despatch.sending.StaffCampaignActions;
import despatch.sending.PacedCampaignMailer;
import despatch.common.Pacer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import despatch.lambda.aws.EventBridgeCampaignScheduler;
import despatch.lambda.aws.S3ArticleRelease;
import despatch.sending.StartDecision;
import despatch.lambda.aws.S3ImportFiles;
import despatch.lambda.aws.SesCampaignMailer;
import despatch.sending.BatchSender;
import despatch.sending.SendWorker;
import despatch.sending.StoreRecipientCheck;
import despatch.lambda.aws.SesMailer;
import despatch.subscription.SubscriberRequests;
import despatch.subscription.PacedMailer;
import despatch.subscription.SubscriberImporter;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.imports.ImportService;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.SubscriptionEmails;
import despatch.subscription.SubscriptionLimits;
import despatch.subscription.SubscriptionService;
import despatch.subscription.TokenSigner;
import despatch.subscription.web.SubscriptionApi;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The one place that reads the environment and builds clients and services. Handlers call it
 * from their no-argument constructors (once per container); tests pass their own settings and
 * clients. Endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables, so the same code
 * talks to AWS or to the local emulators.
 */
public final class Wiring {
    private static final int IMPORT_PARALLELISM = 16;
    private final Settings settings;
    private final Office office;
    private final Clock clock;
    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private SesV2Client ses;
    private SecretsManagerClient secrets;
    private SqsClient sqs;
    private SchedulerClient scheduler;
    private CampaignLifecycle campaigns;
    private TokenSigner signer;

    public Wiring(Settings settings, Clock clock) {
        this.settings = settings;
        this.office = settings.office();
        this.clock = clock;
        this.parser = new ArticleParser(office, clock);
        this.renderer = new ArticleRenderer(office, clock);
    }

    /** For tests and the local runner: ready-made clients instead of ones built from the environment. */
    public Wiring(Settings settings, Clock clock, S3Client s3, DynamoDbClient dynamoDb) {
        this(settings, clock);
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
    }

    /** For tests and the local runner: every client ready-made, pointed at the emulators. */
    public Wiring(Settings settings, Clock clock, S3Client s3, DynamoDbClient dynamoDb, SesV2Client ses,
            SecretsManagerClient secrets) {
        this(settings, clock, s3, dynamoDb);
        this.ses = ses;
        this.secrets = secrets;
    }

    /** The same, with the SQS client too; an EventBridge Scheduler client is built from the environment if needed. */
    public Wiring(Settings settings, Clock clock, S3Client s3, DynamoDbClient dynamoDb, SesV2Client ses,
            SecretsManagerClient secrets, SqsClient sqs) {
        this(settings, clock, s3, dynamoDb, ses, secrets, sqs, null);
    }

    /** The same, with the SQS and EventBridge Scheduler clients too, for the sending functions. */
    public Wiring(Settings settings, Clock clock, S3Client s3, DynamoDbClient dynamoDb, SesV2Client ses,
            SecretsManagerClient secrets, SqsClient sqs, SchedulerClient scheduler) {
        this(settings, clock, s3, dynamoDb, ses, secrets);
        this.sqs = sqs;
        this.scheduler = scheduler;
    }

    public static Wiring fromEnvironment(Setting.Function function) {
        return new Wiring(Settings.from(System.getenv(), function), Clock.systemUTC());
    }

    public PublishService publishService() {
        String uploadsBucket = settings.get(Setting.UPLOADS_BUCKET);
        return new PublishService(parser, renderer, new S3UploadStore(s3(), uploadsBucket), new PublishService.Targets(
                new S3SitePublisher(s3(), settings.get(Setting.SITE_BUCKET)),
                new S3RenderedEmailStore(s3(), uploadsBucket),
                articleStore(),
                new CampaignStarter() {
                    @Override
                    public void articleReady(String slug, String subject, java.util.Set<String> lists, java.time.Instant embargo) {
                        campaignLifecycle().startFor(slug, subject, lists, embargo);
                    }

                    @Override
                    public void articleWithdrawn(String slug) {
                        campaignLifecycle().withdraw(slug);
                    }
                },
                siteChanges()), clock);
    }

    /** The site's listings, feeds and sitemap, kept in line with the article records. */
    public SiteService siteService() {
        return new SiteService(articleStore(), new S3SitePublisher(s3(), settings.get(Setting.SITE_BUCKET)),
                new S3RenderedEmailStore(s3(), settings.get(Setting.UPLOADS_BUCKET)), new SiteBuilder(office));
    }

    /** Changes go on the site queue, where SiteFunction takes them one batch at a time. */
    public SqsSiteChanges siteChanges() {
        return new SqsSiteChanges(sqs(), settings.get(Setting.SITE_QUEUE_URL));
    }

    private DynamoDbArticleStore articleStore() {
        return new DynamoDbArticleStore(dynamoDb(), settings.get(Setting.ARTICLES_TABLE));
    }

    public PreviewService previewService() {
        return new PreviewService(parser, renderer, new S3UploadStore(s3(), settings.get(Setting.UPLOADS_BUCKET)));
    }

    /** For the local preview command, which needs no AWS at all. */
    public static PreviewService offlinePreviewService(Office office, Clock clock) {
        return new PreviewService(new ArticleParser(office, clock), new ArticleRenderer(office, clock), null);
    }

    /** The subscription API with its renderer, store, limiter, mailer and signer: built once per container. */
    public SubscriptionApi subscriptionApi() {
        SubscriptionRenderer renderer = new SubscriptionRenderer(office);
        return new SubscriptionApi(office, subscriptionService(renderer), renderer);
    }

    public SubscriptionService subscriptionService(SubscriptionRenderer renderer) {
        return subscriptionService(renderer, new SqsSubscriberRequests(sqs(), settings.get(Setting.SUBSCRIBER_MAIL_QUEUE_URL)));
    }

    /** SubscriberMailFunction: carries out the requests the subscription API queued; it queues none itself. */
    public SubscriptionService subscriberMail() {
        return subscriptionService(new SubscriptionRenderer(office), SubscriberRequests.none());
    }

    private SubscriptionService subscriptionService(SubscriptionRenderer renderer, SubscriberRequests requests) {
        String table = settings.get(Setting.SUBSCRIBERS_TABLE);
        return new SubscriptionService(office, new DynamoDbSubscriberStore(dynamoDb(), table),
                new DynamoDbDailyLimiter(dynamoDb(), table), mailer(), new SubscriptionEmails(office, renderer), signer(),
                new SubscriptionLimits(settings.number(Setting.MAILS_PER_ADDRESS_PER_DAY),
                        settings.number(Setting.REQUESTS_PER_NETWORK_PER_DAY)), clock, requests);
    }

    /** Imports run several rows at once: DynamoDB and SES calls spend their time waiting on the network. */
    public ImportService importService() {
        SubscriptionRenderer renderer = new SubscriptionRenderer(office);
        SubscriberImporter importer = new SubscriberImporter(office,
                new DynamoDbSubscriberStore(dynamoDb(), settings.get(Setting.SUBSCRIBERS_TABLE)),
                new PacedMailer(mailer(), settings.number(Setting.IMPORT_MAILS_PER_SECOND)),
                new SubscriptionEmails(office, renderer), clock);
        return new ImportService(office, new S3ImportFiles(s3(), settings.get(Setting.UPLOADS_BUCKET)), importer, clock, IMPORT_PARALLELISM);
    }

    /** The send queue's consumer: rendered emails from S3, the ledger, the subscriber check and SES. */
    public BatchSender batchSender() {
        DynamoDbSubscriberStore subscribers = new DynamoDbSubscriberStore(dynamoDb(), settings.get(Setting.SUBSCRIBERS_TABLE));
        SendWorker worker = new SendWorker(new DynamoDbDeliveryLedger(dynamoDb(), settings.get(Setting.CAMPAIGNS_TABLE)),
                new StoreRecipientCheck(subscribers),
                new PacedCampaignMailer(new SesCampaignMailer(campaignSes(), office.name(), settings.get(Setting.SENDER_ADDRESS),
                        settings.optional(Setting.SES_CONFIGURATION_SET)),
                        new Pacer((double) settings.number(Setting.MAX_SEND_RATE) / settings.number(Setting.SEND_WORKERS))),
                clock);
        return new BatchSender(new S3RenderedEmailStore(s3(), settings.get(Setting.UPLOADS_BUCKET)), campaignOutcomes(), worker,
                importLinks(), settings.optional(Setting.UNSUBSCRIBE_MAILBOX));
    }

    /** The send queue, for fan-out's batches and for recipients put back to try later. */
    public SqsSendQueue sendQueue() {
        return new SqsSendQueue(sqs(), settings.optional(Setting.SEND_QUEUE_URL), settings.optional(Setting.FAN_OUT_QUEUE_URL));
    }

    public despatch.sending.RetryDelay retryDelay() {
        return new despatch.sending.RetryDelay(java.time.Duration.ofSeconds(settings.number(Setting.SEND_RETRY_FIRST_DELAY_SECONDS)),
                java.time.Duration.ofSeconds(settings.number(Setting.SEND_RETRY_LONGEST_DELAY_SECONDS)));
    }

    /** Test sends from the preview function: the real email to staff, marked as a test, through the same SES path. */
    public despatch.sending.TestSend testSend() {
        return new despatch.sending.TestSend(new SesCampaignMailer(ses(), office.name(), settings.get(Setting.SENDER_ADDRESS),
                settings.optional(Setting.SES_CONFIGURATION_SET)), settings.optional(Setting.STAFF_ADDRESSES),
                office.subscribeUrl().replaceAll("/subscribe$", ""));
    }

    /** Bounces and complaints: suppression through the subscription rules, soft bounces counted on the address. */
    public FeedbackService feedbackService() {
        DynamoDbSubscriberStore store = new DynamoDbSubscriberStore(dynamoDb(), settings.get(Setting.SUBSCRIBERS_TABLE));
        DynamoDbCampaignStore campaigns = settings.flag(Setting.TRACKING)
                ? new DynamoDbCampaignStore(dynamoDb(), settings.get(Setting.CAMPAIGNS_TABLE)) : null;
        return new FeedbackService(new Suppressions(office, store, clock), store, settings.number(Setting.SOFT_BOUNCES_BEFORE_SUPPRESSION),
                campaigns == null ? null : campaigns::addEngagement);
    }

    /** Campaigns as publishing drives them: made, scheduled, started, withdrawn. */
    public CampaignLifecycle campaignLifecycle() {
        if (campaigns != null) {
            return campaigns;
        }
        // The scheduler and the page release are built when used: each needs settings only one function has.
        campaigns = new CampaignLifecycle(office, campaignStore(), sendQueue(),
                (campaignId, at) -> new EventBridgeCampaignScheduler(scheduler(), settings.get(Setting.SCHEDULE_NAME_PREFIX),
                        settings.get(Setting.FAN_OUT_QUEUE_ARN), settings.get(Setting.SCHEDULER_ROLE_ARN)).scheduleStart(campaignId, at),
                articleRelease(), new StartDecision(java.time.Duration.ofMinutes(settings.number(Setting.START_TOLERANCE_MINUTES))), clock);
        return campaigns;
    }

    /** A campaign's lists paged onto the send queue. */
    public FanOut fanOut() {
        SqsSendQueue queues = sendQueue();
        return new FanOut(campaignStore(), new DynamoDbSubscriberStore(dynamoDb(), settings.optional(Setting.SUBSCRIBERS_TABLE)), queues,
                queues, clock);
    }

    /** What send workers report back to their campaigns. */
    public CampaignOutcomes campaignOutcomes() {
        return new CampaignOutcomes(campaignStore(), clock);
    }

    /** Staff's start, cancel and resend of campaigns. */
    public StaffCampaignActions staffCampaignActions() {
        SqsSendQueue queues = sendQueue();
        return new StaffCampaignActions(campaignStore(), new DynamoDbSubscriberStore(dynamoDb(), settings.optional(Setting.SUBSCRIBERS_TABLE)),
                queues, queues, articleRelease(), clock);
    }

    private DynamoDbCampaignStore campaignStore() {
        return new DynamoDbCampaignStore(dynamoDb(), settings.get(Setting.CAMPAIGNS_TABLE));
    }

    private ArticleRelease articleRelease() {
        return slug -> new S3ArticleRelease(s3(), settings.get(Setting.UPLOADS_BUCKET), settings.get(Setting.SITE_BUCKET),
                articleStore(), siteChanges(), clock).release(slug);
    }

    /**
     * Links in emails sent outside a request (import confirmations, campaigns): there is no
     * request to take an address from, so it must be configured.
     */
    public SubscriptionLinks importLinks() {
        return new SubscriptionLinks(settings.get(Setting.PUBLIC_API_URL), signer());
    }

    private SesMailer mailer() {
        return new SesMailer(ses(), office.name(), settings.get(Setting.SENDER_ADDRESS), settings.optional(Setting.SES_CONFIGURATION_SET));
    }

    private TokenSigner signer() {
        if (signer == null) {
            signer = new TokenSigner(SecretsManagerSigningSecret.read(secrets(), settings.get(Setting.SIGNING_SECRET_ARN)), clock);
        }
        return signer;
    }

    /** The API's configured public address, or empty to use the address each request arrived at. */
    public String publicApiUrl() {
        return settings.optional(Setting.PUBLIC_API_URL);
    }

    public String uploadsBucket() {
        return settings.get(Setting.UPLOADS_BUCKET);
    }

    private S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .forcePathStyle(settings.flag(Setting.S3_FORCE_PATH_STYLE))
                    .build();
        }
        return s3;
    }

    private SchedulerClient scheduler() {
        if (scheduler == null) {
            scheduler = SchedulerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return scheduler;
    }

    private SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return sqs;
    }

    /**
     * SES for campaign sends: no automatic retries. The SDK would resend after a read timeout, when
     * SES may already have taken the message; Despatch's own claim, mark and re-queue handle retries.
     * A client given to the constructor (tests, the local runner) is used as it is.
     */
    private SesV2Client campaignSes() {
        if (ses != null) {
            return ses;
        }
        return SesV2Client.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    private SesV2Client ses() {
        if (ses == null) {
            ses = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return ses;
    }

    private SecretsManagerClient secrets() {
        if (secrets == null) {
            secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return secrets;
    }

    private DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return dynamoDb;
    }
}
