package despatch.local.checks;

import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.console.web.Console;
import despatch.console.web.ConsoleResponse;
import despatch.lambda.aws.DynamoDbApprovals;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.S3DraftStore;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.wiring.ConsoleFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.StackWiring;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.publish.AwaitingApproval;
import despatch.publish.Uploader;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.FanOutCursor;
import despatch.subscription.web.WebRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff console's pages as ConsoleFunction answers them on the local stack, with their own
 * headers: an administrator's dashboard, campaigns, one campaign (sending, with unknown outcomes),
 * the question before cancelling it, the audit trail, the upload form, a draft's preview, an upload waiting for approval,
 * a page that does not exist, the page after
 * signing out, and the one that asks to sign in again. Signing in itself is ConsoleInBrowserTest's:
 * here the session is sealed with the function's own key.
 */
final class ConsolePageTypes {
    private static final String CONSOLE = "http://127.0.0.1:8787";

    private ConsolePageTypes() {
    }

    static List<PageToCheck> build(LocalAwsStack stack) {
        Wiring wiring = StackWiring.of(stack, Setting.Function.ConsoleFunction, Clock.systemUTC());
        Console console = new ConsoleFactory(wiring).console();
        Campaign campaign = sendingCampaign();
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(stack.dynamoDb(), wiring.settings().get(Setting.CAMPAIGNS_TABLE));
        campaigns.create(campaign);
        // Counters are only ever added to, as send batches finish.
        campaigns.addCounts(campaign.id(), 1180, 12, 2, 3);
        String cookie = adminSession(stack, wiring);
        String detail = "/console/campaigns/" + campaign.id();
        String draft = "/console/" + sampleDraft(stack, wiring);
        String approval = sampleAwaitingApproval(stack, wiring);
        new despatch.lambda.aws.DynamoDbSubscriberStore(stack.dynamoDb(), wiring.settings().get(Setting.SUBSCRIBERS_TABLE)).suppressAddress(
                "page-checks-" + java.util.UUID.randomUUID(), despatch.subscription.SubscriberStatus.COMPLAINED, Instant.now());
        return List.of(
                page("console-dashboard", console.handle(request("/console", cookie))),
                page("console-campaigns", console.handle(request("/console/campaigns", cookie))),
                page("console-campaign", console.handle(request(detail, cookie))),
                page("console-confirm", console.handle(request(detail + "/cancel", cookie))),
                page("console-audit", console.handle(request("/console/audit", cookie))),
                page("console-upload", console.handle(request("/console/upload", cookie))),
                page("console-draft", console.handle(request(draft, cookie))),
                page("console-approval", console.handle(request(approval, cookie))),
                page("console-subscribers", console.handle(request("/console/subscribers", cookie))),
                page("console-subscriber", lookUpSample(stack, wiring, console, cookie)),
                page("console-suppressions", console.handle(request("/console/subscribers/suppressed", cookie))),
                page("console-import", console.handle(request("/console/subscribers/imports/"
                        + despatch.console.LinkIds.of("imports/console/2026-12-06-page-checks-members.csv"), cookie))),
                page("console-not-found", console.handle(request("/console/nothing-here", cookie))),
                page("console-signed-out", console.handle(request("/console/signed-out", null))),
                page("console-sign-in-again", console.handle(request("/console/signed-in", null))));
    }

    private static Campaign sendingCampaign() {
        Instant at = Instant.now().minusSeconds(900);
        return new Campaign("c-page-checks-campaign", "page-checks-campaign", "Surgery times over the holidays", List.of("newsletter", "press"),
                CampaignStatus.SENDING, null, FanOutCursor.START, true, new CampaignCounts(1204, 0, 0, 0, 0), at, at, 1);
    }

    /** A draft as an upload through the console leaves it: the sample article, with its warnings. */
    private static String sampleDraft(LocalAwsStack stack, Wiring wiring) {
        String key = "drafts/" + java.util.UUID.randomUUID() + "/sample-newsletter.md";
        try {
            new S3DraftStore(stack.s3(), wiring.settings().get(Setting.UPLOADS_BUCKET)).save(key,
                    java.nio.file.Files.readAllBytes(despatch.local.stack.ProjectRoot.find().resolve("local/samples").resolve(
                            "november-newsletter.md")), new Uploader("editor-subject", "Pat Press Officer", "press.officer@example.org.uk"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return key;
    }

    /** The sample newsletter uploaded under articles/ by a press officer, waiting for approval as publishing leaves it. */
    private static String sampleAwaitingApproval(LocalAwsStack stack, Wiring wiring) {
        String key = "articles/page-checks-" + java.util.UUID.randomUUID() + ".md";
        try {
            byte[] content = java.nio.file.Files.readAllBytes(despatch.local.stack.ProjectRoot.find().resolve("local/samples")
                    .resolve("november-newsletter.md"));
            stack.s3().putObject(put -> put.bucket(wiring.settings().get(Setting.UPLOADS_BUCKET)).key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
            new DynamoDbApprovals(stack.dynamoDb(), wiring.settings().get(Setting.APPROVALS_TABLE)).await(new AwaitingApproval(key,
                    despatch.common.Hashes.sha256(content), "november-in-llanfair", "November in Llanfair", List.of("newsletter"), null,
                    new Uploader("editor-subject", "Pat Press Officer", "press.officer@example.org.uk"), Instant.now()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "/console/approvals/" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A subscriber with a consent history, looked up by an admin as the console's form posts it. */
    private static ConsoleResponse lookUpSample(LocalAwsStack stack, Wiring wiring, Console console, String cookie) {
        String address = "page-checks-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org.uk";
        try {
            var store = new despatch.lambda.aws.DynamoDbSubscriberStore(stack.dynamoDb(), wiring.settings().get(Setting.SUBSCRIBERS_TABLE));
            var email = despatch.common.EmailAddress.parse(address);
            String id = "page-checks-" + java.util.UUID.randomUUID();
            store.createAll(List.of(new despatch.subscription.Subscriber(id, email, "Sam Example", "SW1A 0AA",
                    despatch.subscription.SubscriberStatus.ACTIVE, Set.of("newsletter"), Set.of(), null, List.of(
                    new despatch.subscription.ConsentRecord(Instant.now(), despatch.subscription.ConsentAction.CONFIRMED, Set.of("newsletter"),
                            "2026-11", despatch.subscription.ConsentSource.FORM, "203.0.113.7", "Firefox", "")), Instant.now(), Instant.now(), 1)));
            store.claimAddress(despatch.subscription.AddressKey.of(email), id);
        } catch (despatch.common.InvalidEmailAddressException e) {
            throw new IllegalStateException(e);
        }
        String csrf = console.handle(request("/console/subscribers", cookie)).body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        return console.handle(new WebRequest("POST", "/console/subscribers/look-up", Map.of(), Map.of("cookie", cookie, "content-type",
                "application/x-www-form-urlencoded"), "csrf=" + csrf + "&email=" + java.net.URLEncoder.encode(address,
                java.nio.charset.StandardCharsets.UTF_8), CONSOLE, "127.0.0.1"));
    }

    private static String adminSession(LocalAwsStack stack, Wiring wiring) {
        StaffSessions sessions = new StaffSessions(SecretsManagerSigningSecret.read(stack.secretsManager(),
                wiring.settings().get(Setting.CONSOLE_SESSION_SECRET_ARN)), Clock.systemUTC());
        LocalIdentityProvider provider = stack.identityProvider();
        StaffIdentity admin = new StaffIdentity("admin-subject", provider.account("admin").email(), provider.account("admin").name(),
                Set.of(StaffRole.values()));
        return "__Host-despatch-session=" + sessions.cookieValue(sessions.start(admin));
    }

    private static WebRequest request(String path, String cookie) {
        return new WebRequest("GET", path, Map.of(), cookie == null ? Map.of() : Map.of("cookie", cookie), "", CONSOLE, "127.0.0.1");
    }

    private static PageToCheck page(String name, ConsoleResponse response) {
        if (response.body().isBlank()) {
            throw new IllegalStateException(name + ": the console answered " + response.status() + " with no page");
        }
        return new PageToCheck(name, PageToCheck.Kind.WEB_PAGE, response.body(), response.headers());
    }
}
