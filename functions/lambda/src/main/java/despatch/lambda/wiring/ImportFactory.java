package despatch.lambda.wiring;

import despatch.lambda.aws.S3ImportFiles;
import despatch.subscription.PacedMailer;
import despatch.subscription.SubscriberImporter;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.imports.ImportService;

/** Subscriber imports: CSV files from the uploads bucket, through the subscription rules. */
public final class ImportFactory {
    /** Imports run several rows at once: DynamoDB and SES calls spend their time waiting on the network. */
    private static final int IMPORT_PARALLELISM = 16;
    private final Wiring wiring;
    private final SubscriptionsFactory subscriptions;

    public ImportFactory(Wiring wiring) {
        this.wiring = wiring;
        this.subscriptions = new SubscriptionsFactory(wiring);
    }

    public ImportService importService() {
        Settings settings = wiring.settings();
        SubscriberImporter importer = new SubscriberImporter(wiring.office(), subscriptions.store.get(),
                new PacedMailer(subscriptions.mailer.get(), settings.number(Setting.IMPORT_MAILS_PER_SECOND)), subscriptions.emails(),
                wiring.clock());
        return new ImportService(wiring.office(), new S3ImportFiles(wiring.aws().s3().get(), settings.get(Setting.UPLOADS_BUCKET)),
                importer, wiring.clock(), IMPORT_PARALLELISM);
    }

    /** Before a SnapStart snapshot: subscribers, the signing secret, SES and the uploads bucket, read once; the subscriber writes, refused. */
    public void prime() {
        subscriptions.prime();
        subscriptions.primeBatchWrites();
        // Under imports/, where the function's policy lets it write its reports.
        RefusedWrites.put(wiring.aws().s3().get(), wiring.settings().get(Setting.UPLOADS_BUCKET), "imports/" + Warmup.NOTHING + ".report.txt");
        Warmup.read(() -> wiring.aws().s3().get().headObject(r -> r.bucket(wiring.settings().get(Setting.UPLOADS_BUCKET))
                .key("imports/" + Warmup.NOTHING)));
    }

    public SubscriptionLinks links() {
        return subscriptions.configuredLinks();
    }
}
