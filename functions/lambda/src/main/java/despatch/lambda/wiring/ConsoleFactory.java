package despatch.lambda.wiring;

import despatch.console.ApprovalDesk;
import despatch.console.AuditTrail;
import despatch.console.web.Console;
import despatch.lambda.aws.DynamoDbAuditTrail;
import despatch.lambda.aws.DynamoDbDeliveryLedger;
import despatch.lambda.aws.DynamoDbEndedSessions;
import despatch.lambda.aws.DynamoDbFeedbackTally;
import despatch.lambda.aws.DynamoDbListCensus;
import despatch.lambda.aws.DynamoDbListSizes;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.DynamoDbSuppressionList;
import despatch.lambda.aws.S3DraftStore;
import despatch.lambda.aws.S3ImportUploads;
import despatch.lambda.aws.S3UploadForms;
import despatch.lambda.aws.SecretsManagerConsoleClient;
import despatch.lambda.aws.SqsSiteChanges;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.signin.DiscoveredOnFirstUse;
import despatch.lambda.signin.OidcClient;
import despatch.lambda.signin.OidcSignIn;
import despatch.publish.SendApproval;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The staff console: sign-in at the configured OpenID provider, sessions sealed with the key from
 * Secrets Manager, the audit trail, and staff's campaign actions (as {@link SendingFactory} builds
 * them for the local CLI). The app client's id and secret are read when someone first
 * signs in, not at start-up: on a stack's first deployment SnapStart primes the function before
 * CloudFormation has written that secret.
 */
public final class ConsoleFactory {
    private final Wiring wiring;
    private final Supplier<byte[]> sessionKey;
    private final Supplier<DynamoDbAuditTrail> audit;
    private final SendingFactory sending;
    private final PublishingFactory publishing;

    public ConsoleFactory(Wiring wiring) {
        this.wiring = wiring;
        Settings settings = wiring.settings();
        this.sessionKey = Once.of(() -> SecretsManagerSigningSecret.read(wiring.aws().secrets().get(),
                settings.get(Setting.CONSOLE_SESSION_SECRET_ARN)));
        this.audit = Once.of(() -> new DynamoDbAuditTrail(wiring.aws().dynamoDb().get(), settings.get(Setting.AUDIT_TABLE)));
        this.sending = new SendingFactory(wiring);
        this.publishing = new PublishingFactory(wiring);
    }

    public Console console() {
        return new Console(new DiscoveredOnFirstUse(this::signIn), sessionKey.get(), wiring.clock(), wiring.office(), new Console.Services(
                audit(), sending.staffCampaignActions(), new DynamoDbDeliveryLedger(wiring.aws().dynamoDb().get(),
                        wiring.settings().get(Setting.CAMPAIGNS_TABLE)), drafts(), publishing.previewService(),
                new ApprovalDesk(SendApproval.parse(wiring.settings().get(Setting.SEND_APPROVAL)), publishing.approvals(),
                        publishing.uploadFingerprints(), drafts(), audit(), wiring.clock()), sending.testSend(), new DynamoDbListSizes(wiring.aws().dynamoDb().get(),
                wiring.settings().get(Setting.SUBSCRIBERS_TABLE)), new DynamoDbSubscriberStore(wiring.aws().dynamoDb().get(),
                wiring.settings().get(Setting.SUBSCRIBERS_TABLE)), publishing.approverDirectory(),
                new S3ImportUploads(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET)), publishing.uploadLog(),
                new DynamoDbFeedbackTally(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.CAMPAIGNS_TABLE)),
                new DynamoDbEndedSessions(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.APPROVALS_TABLE)),
                new S3UploadForms(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET), wiring.clock()),
                listCensus(),
                new DynamoDbSuppressionList(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.SUBSCRIBERS_TABLE)),
                () -> new SqsSiteChanges(wiring.aws().sqs().get(), wiring.settings().get(Setting.SITE_QUEUE_URL)).rebuild()));
    }

    private DynamoDbListCensus listCensus() {
        return new DynamoDbListCensus(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.CAMPAIGNS_TABLE));
    }

    private S3DraftStore drafts() {
        return new S3DraftStore(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET));
    }

    AuditTrail audit() {
        return audit.get();
    }

    private OidcSignIn signIn() {
        Settings settings = wiring.settings();
        SecretsManagerConsoleClient client = SecretsManagerConsoleClient.read(wiring.aws().secrets().get(),
                settings.get(Setting.CONSOLE_CLIENT_SECRET_ID));
        String signOut = settings.optional(Setting.OIDC_SIGN_OUT_URL);
        return OidcSignIn.discover(new OidcClient(URI.create(settings.get(Setting.OIDC_ISSUER)), client.clientId(),
                Optional.of(client.clientSecret()).filter(secret -> !secret.isEmpty()),
                signOut.isEmpty() ? Optional.empty() : Optional.of(URI.create(signOut))));
    }

    /** Before a SnapStart snapshot: the session key (kept), the audit table's read and put paths, campaigns', the list census's read. */
    public void prime() {
        Warmup.read(sessionKey::get);
        sending.prime();
        publishing.primePreviews();
        Warmup.read(() -> publishing.approvals().awaiting(1));
        Warmup.read(() -> audit().newestFirst(Optional.empty(), 1));
        Warmup.read(() -> listCensus().latest());
        RefusedWrites.put(wiring.aws().dynamoDb().get(), wiring.settings().get(Setting.AUDIT_TABLE), RefusedWrites.pkSk());
    }
}
