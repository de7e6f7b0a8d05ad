package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.lambda.aws.DynamoDbAuditTrail;
import despatch.local.StackConnection;
import despatch.local.browser.BrowserTab;
import despatch.local.browser.Chromium;
import despatch.local.queue.BucketNotifications;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.local.stack.ProjectRoot;
import despatch.local.stack.StaffAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member of staff signs in to the console that {@code ./despatch serve} serves, in headless
 * Chromium: the real ConsoleHandler behind the local stand-in for API Gateway, the local stack's
 * real OpenID provider and its own sign-in page, the session cookie the browser keeps, and signing
 * out at both ends.
 */
class ConsoleInBrowserTest {
    private static Chromium chromium;
    private static LocalAwsStack stack;
    private static LocalWebServer server;
    private static BucketNotifications uploads;
    private static BrowserTab tab;

    /** Its own stack: what serve runs beside the server publishes every upload under articles/ in it. */
    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        stack = LocalAwsStack.start();
        server = LocalWebServer.startApi(StackConnection.to(stack), stack.template(), ProjectRoot.find(), 0);
        uploads = BucketNotifications.forPublishing(stack).start();
        tab = chromium.newTab();
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            try {
                if (uploads != null) {
                    uploads.close();
                }
                if (server != null) {
                    server.close();
                }
            } finally {
                if (stack != null) {
                    stack.close();
                }
            }
        }
    }

    @Test
    void anEditorSignsInUploadsAndPreviewsAnArticleAndSignsOut() throws Exception {
        LocalIdentityProvider provider = stack.identityProvider();
        StaffAccount editor = provider.account("editor");

        tab.open(server.baseUrl() + "/console");
        assertTrue(currentUrl().startsWith(provider.issuer().toString()), "sent to the provider to sign in: " + currentUrl() + " " + tab.text("body"));
        tab.click("document.querySelector('#email')");
        tab.type(editor.email());
        tab.click("document.querySelector('#password')");
        tab.type(editor.password());
        tab.clickAndWaitForPage("document.querySelector('button[type=submit]')");

        assertEquals(server.baseUrl() + "/console", currentUrl());
        assertEquals("Dashboard", tab.text("h1"));
        assertTrue(tab.text("main").contains(editor.name()), tab.text("main"));
        assertEquals(AuditAction.SIGN_IN, newestAuditEntry().action());
        assertTrue(tab.evaluate("document.cookie").asText().isEmpty(), "the session cookie is HttpOnly: no script can read it");

        uploadAndPreview();

        tab.clickAndWaitForPage("document.querySelector('form[action=\"/console/sign-out\"] button')");
        // The provider asks whether to end its own session too.
        tab.clickAndWaitForPage("document.querySelector('button[name=logout]')");
        assertEquals(server.baseUrl() + "/console/signed-out", currentUrl());
        assertEquals("You have signed out", tab.text("h1"));
        assertEquals(AuditAction.SIGN_OUT, newestAuditEntry().action());

        tab.open(server.baseUrl() + "/console");
        assertTrue(currentUrl().startsWith(provider.issuer().toString()), "signed out: the console asks for sign-in again");
        assertEquals("password", tab.evaluate("document.querySelector('#password').type").asText(), "and the provider for the password");
    }

    /** Upload through the file input, and read the preview: nothing is published by either. */
    private static void uploadAndPreview() throws Exception {
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
            tab.clickAndWaitForPage("document.querySelector('main form button[type=submit]')");
        } finally {
            Files.delete(article);
        }
        assertTrue(currentUrl().matches(".*/console/drafts/[0-9a-f-]{36}/despatch-console-\\d+\\.md"), currentUrl());
        assertEquals("Surgery times over the holidays", tab.text("dl.facts dd"));
        // The email, framed from the console itself, has loaded.
        assertTrue(tab.evaluate("document.querySelector('iframe.phone').contentDocument === null").asBoolean(),
                "sandboxed: the console's page cannot reach into the email's frame, nor it into the console");
        assertEquals(AuditAction.UPLOAD, newestAuditEntry().action());
        assertTrue(articles().find("surgery-times-over-the-holidays").isEmpty(), "a draft publishes nothing");

        tab.clickAndWaitForPage("document.querySelector('a[href$=\"/publish\"]')");
        tab.clickAndWaitForPage("document.querySelector('main form button[type=submit]')");
        assertTrue(tab.text("[role=status]").startsWith("Sent to publishing"), tab.text("main"));
        assertEquals(AuditAction.SUBMIT, newestAuditEntry().action());
        // S3 tells PublishFunction of the upload under articles/, as it would in AWS.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (articles().find("surgery-times-over-the-holidays").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(despatch.publish.ArticleState.PUBLISHED, articles().find("surgery-times-over-the-holidays").orElseThrow().state());
        tab.clickAndWaitForPage("document.querySelector('nav a[href=\"/console/campaigns\"]')");
        assertTrue(tab.text("main table").contains("Surgery times over the holidays"), "its campaign is listed: " + tab.text("main"));
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
