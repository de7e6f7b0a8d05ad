package despatch.local;

import despatch.lambda.PublishHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.console.ApprovalDesk;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.lambda.aws.DynamoDbApprovals;
import despatch.lambda.aws.DynamoDbAuditTrail;
import despatch.lambda.aws.S3DraftStore;
import despatch.lambda.aws.S3UploadStore;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.local.queue.QueueConsumers;
import despatch.publish.SendApproval;
import despatch.local.stack.ConsoleSignInNote;
import despatch.sending.Campaign;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ./despatch publish and demo: upload to the local uploads bucket, then run the real
 * PublishHandler (built from the environment, as in Lambda) on an S3 event for that upload.
 */
final class PublishCommand {
    private final Map<String, String> environment;
    private final Path root = ProjectRoot.find();
    private final S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build();

    private static final String AWAITING = "awaiting approval";
    private static final StaffIdentity DEMO_APPROVER = new StaffIdentity("despatch-demo", "demo@localhost", "./despatch demo",
            StaffRole.fromGroups(List.of("approver")));

    PublishCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    int publishAll(List<Path> files) throws IOException {
        return publishAll(files, false);
    }

    /** @param approveAsDemo approve each upload that waits for approval, as the demo's approver */
    private int publishAll(List<Path> files, boolean approveAsDemo) throws IOException {
        PublishHandler handler = new PublishHandler();
        int rejected = 0;
        List<String> slugs = new java.util.ArrayList<>();
        for (Path file : files) {
            rejected += publish(handler, file, slugs, approveAsDemo) ? 0 : 1;
        }
        deliver(slugs);
        return rejected == 0 ? 0 : 1;
    }

    /**
     * Runs the queues between publishing and the inbox the way Lambda's event source mappings
     * would: fan-out, then the send batches, until both are empty; then prints each campaign.
     */
    private void deliver(List<String> slugs) {
        try (QueueConsumers queues = QueueConsumers.fromEnvironment(environment, root)) {
            queues.drain(java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(10));
        }
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                environment.get("CAMPAIGNS_TABLE"));
        for (String slug : slugs) {
            campaigns.find(Campaign.idFor(slug)).ifPresent(campaign -> System.out.println("\ncampaign " + campaign.id() + ": "
                    + campaign.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + campaign.counts().sent() + " sent, "
                    + campaign.counts().suppressed() + " suppressed, " + campaign.counts().failed() + " failed, "
                    + campaign.counts().unknown() + " unknown, to " + String.join(" + ", campaign.lists())));
        }
        System.out.println("Emails sent (SES emulator): " + environment.get("AWS_ENDPOINT_URL_SESV2").replaceAll("/+$", "") + "/");
    }

    int demo(Path samples) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(samples)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        Path constituents = samples.resolve("subscribers/constituents.csv");
        if (Files.exists(constituents)) {
            System.out.println("Importing sample subscribers (with their consent records) from " + constituents + ".");
            try (StackConnection stack = StackConnection.fromEnvironment(environment)) {
                new ImportCommand(stack).run(constituents);
            }
        }
        System.out.println("Publishing " + files.size() + " sample articles from " + samples + " on the local stack.");
        int status = publishAll(files, true);
        Path emails = stateDir().resolve("s3").resolve(environment.get("UPLOADS_BUCKET")).resolve("rendered");
        System.out.println();
        System.out.println("Rendered emails (HTML and text, for the sending step): " + emails);
        System.out.println("Preview any file without AWS: ./despatch preview FILE --out out/");
        System.out.println("The site (home, listings, archive, feeds) and its subscribe form, in a browser: ./despatch serve, then "
                + ImportCommand.publicApiUrl(environment) + "/");
        ConsoleSignInNote.read(stateDir()).ifPresent(note -> {
            System.out.println();
            System.out.print(note);
        });
        System.out.println();
        System.out.println("The local stack is still running so you can look around; stop it with ./despatch down.");
        return status;
    }

    /** @return whether the article was accepted */
    private boolean publish(PublishHandler handler, Path file, List<String> slugs, boolean approveAsDemo) throws IOException {
        String bucket = environment.get("UPLOADS_BUCKET");
        String key = "articles/" + file.getFileName();
        byte[] content = Files.readAllBytes(file);
        uploadImagesBeside(file, bucket, key);
        s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(content));
        List<Map<String, Object>> outcomes = handler.handleRequest(
                new S3EventFactory(root).objectCreated(bucket, key, content.length), null);
        if (approveAsDemo && outcomes.stream().anyMatch(outcome -> AWAITING.equals(outcome.get("outcome")))) {
            outcomes.forEach(this::print);
            approveAsDemo(key);
            // The copy that approval makes sends S3's event in AWS; here the handler is given it.
            outcomes = handler.handleRequest(new S3EventFactory(root).objectCreated(bucket, key, content.length), null);
        }
        boolean accepted = true;
        for (Map<String, Object> outcome : outcomes) {
            accepted &= !"rejected".equals(outcome.get("outcome"));
            if (outcome.get("slug") != null) {
                slugs.add(String.valueOf(outcome.get("slug")));
            }
            print(outcome);
        }
        return accepted;
    }

    /** The images in the folder beside the file (bus.images/ for bus.md) go first, to where the article looks for them. */
    private void uploadImagesBeside(Path file, String bucket, String key) throws IOException {
        String folder = despatch.article.ImageRef.besideFolder(key);
        Path images = file.resolveSibling(folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1));
        if (!Files.isDirectory(images)) {
            return;
        }
        try (Stream<Path> listing = Files.list(images)) {
            for (Path image : listing.filter(Files::isRegularFile).sorted().toList()) {
                s3.putObject(put -> put.bucket(bucket).key(folder + image.getFileName()), RequestBody.fromFile(image));
                System.out.println("uploaded " + folder + image.getFileName() + " (an image beside " + key + ")");
            }
        }
    }

    private void print(Map<String, Object> outcome) {
        System.out.println();
        System.out.println(outcome.get("uploadKey") + ": " + outcome.get("outcome"));
        switch (String.valueOf(outcome.get("outcome"))) {
            case "published", "corrected" -> {
                if ("corrected".equals(outcome.get("outcome"))) {
                    System.out.println("  a correction: the page, listings and feeds now say \"Updated\"; the email is not sent again");
                }
                String page = outcome.get("webPath") + "index.html";
                System.out.println("  web page: " + stateDir().resolve("s3").resolve(environment.get("SITE_BUCKET")).resolve(page));
                System.out.println("  in a browser, while ./despatch serve runs: " + ImportCommand.publicApiUrl(environment) + "/" + outcome.get("webPath"));
            }
            case "scheduled" -> System.out.println("  embargoed until " + outcome.get("embargo") + ": nothing on the site until then");
            case AWAITING -> System.out.println("  nothing published or sent yet: it waits for an approver (SendApproval " + outcome.get("approval")
                    + "), in the staff console at " + ImportCommand.publicApiUrl(environment) + "/console while ./despatch serve runs");
            case "unpublished" -> System.out.println("  taken off the site, its listings and feeds; its campaign stopped if unfinished");
            case "rejected" -> {
                ((List<?>) outcome.get("problems")).forEach(problem -> System.out.println("  - " + problem));
                System.out.println("  the reasons are also beside the upload: " + outcome.get("uploadKey") + ".error.json");
            }
            default -> System.out.println("  " + outcome.getOrDefault("reason", ""));
        }
        if (outcome.get("warnings") instanceof List<?> warnings) {
            warnings.forEach(warning -> System.out.println("  warning: " + warning));
        }
    }

    /**
     * The demo's samples come from no member of staff, so the demo approves them itself, through
     * the same checks as the console's Approve and send (the bytes reviewed are the bytes sent).
     */
    private void approveAsDemo(String key) {
        String bucket = environment.get("UPLOADS_BUCKET");
        software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb =
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        DynamoDbApprovals approvals = new DynamoDbApprovals(dynamoDb, environment.get(Setting.APPROVALS_TABLE.name()));
        ApprovalDesk desk = new ApprovalDesk(SendApproval.parse(environment.get(Setting.SEND_APPROVAL.name())), approvals,
                new despatch.publish.UploadFingerprints(new despatch.article.ArticleParser(Settings.from(environment,
                        Setting.Function.PublishFunction).office(), java.time.Clock.systemUTC()), new S3UploadStore(s3, bucket)),
                new S3DraftStore(s3, bucket), new DynamoDbAuditTrail(dynamoDb,
                environment.get(Setting.AUDIT_TABLE.name())), java.time.Clock.systemUTC());
        String hash = approvals.awaitingFor(key).orElseThrow().contentHash();
        ApprovalDesk.Decision decision = desk.approve(DEMO_APPROVER, key, hash);
        System.out.println("  approved by ./despatch demo, as an approver does in the console: " + decision.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Path stateDir() {
        return root.resolve("local/.stack");
    }
}
