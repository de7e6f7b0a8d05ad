package despatch.lambda.wiring;

import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.lambda.aws.S3UploadStore;
import despatch.office.Office;
import despatch.publish.CampaignStarter;
import despatch.console.StaffEmailNotices;
import despatch.lambda.aws.DynamoDbApprovals;
import despatch.lambda.aws.DynamoDbApproverDirectory;
import despatch.lambda.aws.DynamoDbUploadLog;
import despatch.publish.PublishNotices;
import despatch.publish.ApprovalGate;
import despatch.publish.PreviewService;
import despatch.publish.UploadFingerprints;
import despatch.publish.UploadStore;
import despatch.publish.SendApproval;
import despatch.publish.PublishService;
import despatch.render.ArticleRenderer;
import despatch.sending.CampaignLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Articles: the parser and renderer (built once, shared by previews and publishing) and the publish service. */
public final class PublishingFactory {
    private final Wiring wiring;
    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final Supplier<S3UploadStore> uploads;
    private final SiteFactory site;
    private final SendingFactory sending;

    public PublishingFactory(Wiring wiring) {
        this.wiring = wiring;
        this.parser = new ArticleParser(wiring.office(), wiring.clock());
        this.renderer = new ArticleRenderer(wiring.office(), wiring.clock());
        this.uploads = Once.of(() -> new S3UploadStore(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET)));
        this.site = new SiteFactory(wiring);
        this.sending = new SendingFactory(wiring, site);
    }

    /**
     * For the local preview command, which needs no AWS at all.
     *
     * @param uploads where the article and the images beside it are read (a folder on the machine)
     */
    public static PreviewService offlinePreviewService(Office office, Clock clock, UploadStore uploads) {
        return new PreviewService(new ArticleParser(office, clock), new ArticleRenderer(office, clock), uploads);
    }

    public PreviewService previewService() {
        return new PreviewService(parser, renderer, uploads.get());
    }

    public PublishService publishService() {
        return new PublishService(parser, renderer, uploads.get(), new PublishService.Targets(site.pages.get(), site.renderedEmails.get(),
                site.articles.get(), new Campaigns(sending::campaignLifecycle), site.siteChanges()), approvalGate(), notices(), wiring.clock());
    }

    /**
     * Each upload's outcome in the upload log (for the dashboard), and emailed to the uploader and
     * the approvers when the function may send mail (SENDER_ADDRESS).
     */
    private PublishNotices notices() {
        Settings settings = wiring.settings();
        if (settings.optional(Setting.APPROVALS_TABLE).isEmpty()) {
            return PublishNotices.NONE;
        }
        PublishNotices log = PublishNotices.logTo(uploadLog(), wiring.clock());
        if (settings.optional(Setting.SENDER_ADDRESS).isEmpty()) {
            return log;
        }
        SubscriptionsFactory subscriptions = new SubscriptionsFactory(wiring);
        return PublishNotices.all(List.of(log, new StaffEmailNotices(subscriptions.mailer.get(), subscriptions.renderer.get(),
                approverDirectory(), SendApproval.parse(settings.get(Setting.SEND_APPROVAL)), wiring.office(),
                wiring.office().subscriptionApiBase() + "/console")));
    }

    DynamoDbUploadLog uploadLog() {
        return new DynamoDbUploadLog(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.APPROVALS_TABLE));
    }

    DynamoDbApproverDirectory approverDirectory() {
        return new DynamoDbApproverDirectory(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.APPROVALS_TABLE));
    }

    /** The office's approval setting, and where uploads wait and approvals are kept. */
    ApprovalGate approvalGate() {
        SendApproval policy = SendApproval.parse(wiring.settings().get(Setting.SEND_APPROVAL));
        return policy == SendApproval.NONE ? ApprovalGate.none() : new ApprovalGate(policy, approvals());
    }

    DynamoDbApprovals approvals() {
        return new DynamoDbApprovals(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.APPROVALS_TABLE));
    }

    /** What an approval holds an upload to, read from the uploads bucket as publishing reads it. */
    public UploadFingerprints uploadFingerprints() {
        return new UploadFingerprints(parser, uploads.get());
    }

    /** The uploads bucket as publishing reads it, for previews of uploads waiting for approval. */
    S3UploadStore uploads() {
        return uploads.get();
    }

    /** Before a SnapStart snapshot: the uploads bucket read once (the sample render is the handler's). */
    public void primePreviews() {
        Warmup.read(() -> {
            try {
                // Under articles/, which every function that previews may read (docs/permissions.md).
                uploads.get().read("articles/" + Warmup.NOTHING, 1);
            } catch (ArticleRejectedException e) {
                // The expected answer: there is no such upload.
            }
        });
    }

    /** The same with the uploads bucket's write refused, then the site, campaigns and queues publishing writes to. */
    public void primePublishing() {
        primePreviews();
        RefusedWrites.put(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET), "articles/" + Warmup.NOTHING + ".error.json");
        if (!wiring.settings().optional(Setting.APPROVALS_TABLE).isEmpty()) {
            Warmup.read(() -> approvals().approvalOf(Warmup.NOTHING, Warmup.NOTHING, java.time.Instant.EPOCH));
            RefusedWrites.put(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.APPROVALS_TABLE), RefusedWrites.pkSk());
        }
        site.prime();
        site.primeQueue();
        sending.prime();
    }

    /** What publishing asks of sending, answered by the campaign lifecycle (built when an article first needs it). */
    private record Campaigns(Supplier<CampaignLifecycle> campaigns) implements CampaignStarter {
        @Override
        public void articleReady(String slug, String subject, Set<String> lists, Instant embargo) {
            campaigns.get().startFor(slug, subject, lists, embargo);
        }

        @Override
        public void articleWithdrawn(String slug) {
            campaigns.get().withdraw(slug);
        }
    }
}
