package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.lambda.aws.DynamoDbAuditTrail;
import despatch.local.browser.BrowserTab;
import despatch.local.queue.BucketNotifications;
import despatch.local.checks.ColourScheme;
import despatch.local.checks.Screenshots;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.local.stack.StaffAccount;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff use the console that {@code ./despatch serve} serves, in headless Chromium: the real
 * ConsoleHandler behind the local stand-in for API Gateway, the local stack's real OpenID provider
 * and its own sign-in page, the session cookie the browser keeps, S3's upload events delivered to
 * the real PublishHandler, and signing out at both ends.
 */
class ConsoleInBrowserTest {
    private static ServeInBrowser serve;
    private static LocalAwsStack stack;
    private static LocalWebServer server;
    private static BrowserTab tab;

    /** Its own stack: what serve runs beside the server publishes every upload under articles/ in it. */
    @BeforeAll
    static void start() throws Exception {
        serve = ServeInBrowser.start(itsStack -> BucketNotifications.forPublishing(itsStack).start());
        stack = serve.stack;
        server = serve.server;
        tab = serve.tab;
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    /**
     * The template's default, two-person approval: the press officer uploads, previews and
     * publishes, which only puts the article in front of an approver; the office manager signs in,
     * reviews it and approves it; S3's event then publishes it and its campaign starts.
     */
    @Test
    void anEditorUploadsAndPublishesAnApproverApprovesAndTheNewsletterGoesOut() throws Exception {
        LocalIdentityProvider provider = stack.identityProvider();
        StaffAccount editor = provider.account("editor");
        signIn(provider, editor);
        assertEquals("Dashboard", tab.text("h1"));
        assertTrue(tab.text("main").contains(editor.name()), tab.text("main"));
        assertEquals(AuditAction.SIGN_IN, newestAuditEntry().action());
        assertTrue(tab.evaluate("document.cookie").asText().isEmpty(), "the session cookie is HttpOnly: no script can read it");

        String uploadKey = uploadPreviewAndPublish();
        waitFor(() -> approvals().awaitingFor(uploadKey).isPresent(), "the upload to wait for approval");
        String file = uploadKey.substring("articles/".length());
        waitFor(() -> mailTo(editor.email()).contains("“" + file + "” waits for approval"), "the press officer to be told it waits");
        assertTrue(articles().find(SLUG).isEmpty(), "waiting: nothing published");
        tab.clickAndWaitForPage("document.querySelector('nav a[href=\"/console\"]')");
        assertTrue(tab.text("main").contains("Surgery times over the holidays"), "on the dashboard, awaiting approval: " + tab.text("main"));
        signOut();

        StaffAccount approver = provider.account("approver");
        signIn(provider, approver);
        tab.clickAndWaitForPage("document.querySelector('a[href^=\"/console/approvals/\"]')");
        assertEquals("Surgery times over the holidays", tab.text("h1"));
        assertEquals(editor.name(), tab.evaluate("[...document.querySelectorAll('dl.facts dt')].find(dt => dt.textContent === 'Uploaded by')"
                + ".nextElementSibling.textContent").asText());
        tab.clickAndWaitForPage("document.querySelector('a[href$=\"/approve\"]')");
        tab.clickAndWaitForPage("document.querySelector('main form button[type=submit]')");
        assertTrue(tab.text("[role=status]").startsWith("Approved"), tab.text("main"));
        assertEquals(AuditAction.APPROVE, newestAuditEntry().action());

        // The approved upload is copied onto itself, and S3's event publishes it, as in AWS.
        waitFor(() -> articles().find(SLUG).isPresent(), "the approved article to be published");
        assertEquals(despatch.publish.ArticleState.PUBLISHED, articles().find(SLUG).orElseThrow().state());
        waitFor(() -> mailTo(editor.email()).contains("“" + file + "” is published"), "the press officer to be told it is published");
        tab.clickAndWaitForPage("document.querySelector('nav a[href=\"/console\"]')");
        assertTrue(tab.text("main").contains(file + ": published"), "the latest uploads say what became of it: " + tab.text("main"));
        tab.clickAndWaitForPage("document.querySelector('nav a[href=\"/console/campaigns\"]')");
        assertTrue(tab.text("main table").contains("Surgery times over the holidays"), "its campaign is listed: " + tab.text("main"));

        signOut();
        tab.open(server.baseUrl() + "/console");
        assertTrue(currentUrl().startsWith(provider.issuer().toString()), "signed out: the console asks for sign-in again");
        assertEquals("password", tab.evaluate("document.querySelector('#password').type").asText(), "and the provider for the password");
    }

    private static final String SLUG = "surgery-times-over-the-holidays";

    private static void signIn(LocalIdentityProvider provider, StaffAccount account) {
        tab.open(server.baseUrl() + "/console");
        assertTrue(currentUrl().startsWith(provider.issuer().toString()), "sent to the provider to sign in: " + currentUrl());
        tab.click("document.querySelector('#email')");
        tab.type(account.email());
        tab.click("document.querySelector('#password')");
        tab.type(account.password());
        tab.clickAndWaitForPage("document.querySelector('button[type=submit]')");
        assertEquals(server.baseUrl() + "/console", currentUrl());
    }

    private static void signOut() {
        tab.clickAndWaitForPage("document.querySelector('form[action=\"/console/sign-out\"] button')");
        // The provider asks whether to end its own session too.
        tab.clickAndWaitForPage("document.querySelector('button[name=logout]')");
        assertEquals(server.baseUrl() + "/console/signed-out", currentUrl());
        assertEquals("You have signed out", tab.text("h1"));
        assertEquals(AuditAction.SIGN_OUT, newestAuditEntry().action());
    }

    /**
     * The preview with its frames loaded from serve (the page checks serve pages alone, without
     * the frames' addresses), at a phone's and a desktop's width, light and dark, for a person to
     * look over beside the other screenshots.
     */
    private static void screenshotsOfThePreview() throws Exception {
        URI preview = URI.create(currentUrl());
        for (int width : List.of(Screenshots.PHONE, Screenshots.DESKTOP)) {
            for (ColourScheme scheme : ColourScheme.values()) {
                Path shot = new Screenshots().take(tab, preview, "console-preview", width, scheme);
                assertTrue(Files.size(shot) > 10_000, shot + " shows the page");
            }
        }
        tab.emulateColourScheme(ColourScheme.LIGHT.cssValue());
    }

    /** Upload through the file input, read the preview (nothing is published by either), then Publish. */
    private static String uploadPreviewAndPublish() throws Exception {
        Path article = Files.createTempFile("despatch-console-", ".md");
        Files.writeString(article, """
                ---
                title: Surgery times over the holidays
                date: 2026-12-07
                lists: [newsletter]
                ---
                The office is open on 23 and 30 December, 10:00 to 13:00.
                """);
        try {
            tab.clickAndWaitForPage("document.querySelector('nav a[href=\"/console/upload\"]')");
            tab.chooseFile("#article", article);
            String bucket = stack.template().physicalName("UploadsBucket");
            assertTrue(tab.evaluate("document.querySelector('main form').action").asText().contains("/" + bucket),
                    "the file goes to the uploads bucket, not through the console");
            tab.clickAndWaitForPage("document.querySelector('main form button[type=submit]')");
            assertEquals(0, stack.s3().listObjectsV2(list -> list.bucket(bucket).prefix("drafts/incoming/")).keyCount(),
                    "what the form sent was taken as the draft");
        } finally {
            Files.delete(article);
        }
        assertTrue(currentUrl().matches(".*/console/drafts/[0-9a-f-]{36}/despatch-console-\\d+\\.md"), currentUrl());
        assertEquals("Surgery times over the holidays", tab.text("dl.facts dd"));
        // The email, framed from the console itself, has loaded.
        assertTrue(tab.evaluate("document.querySelector('iframe.phone').contentDocument === null").asBoolean(),
                "sandboxed: the console's page cannot reach into the email's frame, nor it into the console");
        assertEquals(AuditAction.UPLOAD, newestAuditEntry().action());
        assertTrue(articles().find(SLUG).isEmpty(), "a draft publishes nothing");
        screenshotsOfThePreview();

        // A test to the press officer's own address, the real email marked [TEST].
        tab.clickAndWaitForPage("document.querySelector('form[action$=\"/test-send\"] button')");
        assertTrue(tab.text("[role=status]").contains("is on its way to " + stack.identityProvider().account("editor").email()),
                tab.text("main"));
        assertTrue(stack.capturedEmails().stream().anyMatch(email -> email.subject().equals("[TEST] Surgery times over the holidays")
                && email.to().equals(List.of(stack.identityProvider().account("editor").email()))), "the SES emulator has the test");
        assertEquals(AuditAction.TEST_SEND, newestAuditEntry().action());

        String uploadKey = "articles/" + currentUrl().substring(currentUrl().lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        tab.clickAndWaitForPage("document.querySelector('a[href$=\"/publish\"]')");
        tab.clickAndWaitForPage("document.querySelector('main form button[type=submit]')");
        assertTrue(tab.text("[role=status]").startsWith("Sent to publishing"), tab.text("main"));
        assertEquals(AuditAction.SUBMIT, newestAuditEntry().action());
        return uploadKey;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** The subjects of the emails the SES emulator has for this address. */
    private static List<String> mailTo(String address) {
        return stack.capturedEmails().stream().filter(email -> email.to().contains(address)).map(despatch.local.stack.CapturedEmail::subject)
                .toList();
    }

    private static despatch.lambda.aws.DynamoDbApprovals approvals() {
        return new despatch.lambda.aws.DynamoDbApprovals(stack.dynamoDb(), stack.template().physicalName("ApprovalsTable"));
    }

    private static despatch.lambda.aws.DynamoDbArticleStore articles() {
        return new despatch.lambda.aws.DynamoDbArticleStore(stack.dynamoDb(), stack.template().physicalName("ArticlesTable"));
    }

    private static String currentUrl() {
        return tab.evaluate("location.href").asText();
    }

    private static AuditEntry newestAuditEntry() {
        List<AuditEntry> entries = new DynamoDbAuditTrail(stack.dynamoDb(), stack.template().physicalName("AuditTable"))
                .newestFirst(Optional.empty(), 1).entries();
        return entries.getFirst();
    }
}
