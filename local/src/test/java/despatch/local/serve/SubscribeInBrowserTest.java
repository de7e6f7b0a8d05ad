package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.local.browser.BrowserTab;
import despatch.local.queue.QueueConsumers;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.LocalAwsStack;
import despatch.subscription.MemberPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A constituent signs up in a real browser: headless Chromium fills in the form that
 * {@code ./despatch serve} serves, the real SubscriptionHandler answers behind the local stand-in
 * for API Gateway, serve's queue consumers record the request and mail the confirmation, which is
 * read from the SES emulator, and its link confirms.
 * One browser and one stack for the class.
 */
class SubscribeInBrowserTest {
    private static ServeInBrowser serve;
    private static LocalAwsStack stack;
    private static LocalWebServer server;
    private static BrowserTab tab;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeInBrowser.start(itsStack -> QueueConsumers.forStack(itsStack).start());
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

    @Test
    void aConstituentSubscribesAndConfirmsFromTheEmail() {
        String address = "sam.example@example.org.uk";
        tab.open(server.baseUrl() + "/subscribe");
        tab.click("document.querySelector('#email')");
        tab.type(address);
        tab.click("document.querySelector('#list-newsletter')");
        assertTrue(tab.evaluate("document.querySelector('#list-newsletter').checked").asBoolean(), "the newsletter box is ticked");

        tab.clickAndWaitForPage("document.querySelector('form button[type=submit]')");
        assertEquals("Check your email", tab.text("h1"));

        CapturedEmail email = awaitEmailTo(address);
        Matcher link = Pattern.compile(Pattern.quote(server.baseUrl() + "/confirm?token=") + "\\S+").matcher(email.text());
        assertTrue(link.find(), "the text part links to this server's /confirm:\n" + email.text());

        tab.open(link.group());
        assertEquals("Confirm your subscription", tab.text("h1"));
        tab.clickAndWaitForPage("[...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Confirm my subscription')");
        assertEquals("You are subscribed", tab.text("h1"));

        String table = stack.environmentFor(Setting.Function.SubscriptionFunction.name()).get(Setting.SUBSCRIBERS_TABLE.name());
        MemberPage members = new DynamoDbSubscriberStore(stack.dynamoDb(), table).activeMembers("newsletter", null, 10);
        assertEquals(1, members.members().size(), "one active member of the newsletter");
        assertEquals(address, members.members().getFirst().address().forDelivery());
    }

    @Test
    void anInvalidAddressAndNoListAreBothExplainedAndTheTypingIsKept() {
        tab.open(server.baseUrl() + "/subscribe");
        tab.click("document.querySelector('#email')");
        tab.type("sam at example");
        tab.clickAndWaitForPage("document.querySelector('form button[type=submit]')");

        assertNotNull(tab.text(".error-summary"), "the error summary is shown");
        assertEquals("There is a problem", tab.text("#error-summary-title"));
        JsonNode entries = tab.evaluate("[...document.querySelectorAll('.error-summary li a')]"
                + ".map(a => ({href: a.getAttribute('href'), text: a.textContent.trim()}))");
        List<String> targets = new ArrayList<>();
        entries.forEach(entry -> targets.add(entry.get("href").asText()));
        assertEquals(List.of("#email", "#list-newsletter"), targets, "one entry per problem, each linking to its field");
        // The summary repeats the messages shown beside the fields.
        assertEquals(inlineMessage("#email-error"), entries.get(0).get("text").asText());
        assertEquals(inlineMessage("#lists-error"), entries.get(1).get("text").asText());
        assertFalse(entries.get(0).get("text").asText().isBlank());
        assertFalse(entries.get(1).get("text").asText().isBlank());

        assertEquals("sam at example", tab.evaluate("document.querySelector('#email').value").asText(), "what was typed is kept");
        assertFalse(tab.evaluate("[...document.querySelectorAll('input[name=lists]')].some(box => box.checked)").asBoolean());
    }

    /** The message beside a field, without its visually hidden "Error:" prefix. */
    private static String inlineMessage(String id) {
        String text = tab.text(id);
        assertNotNull(text, id + " is shown");
        return text.replaceFirst("^Error:\\s*", "");
    }

    private static CapturedEmail awaitEmailTo(String address) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<CapturedEmail> email = stack.capturedEmails().stream().filter(e -> e.to().contains(address)).findFirst();
            if (email.isPresent()) {
                return email.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No email to " + address + " reached the SES emulator");
    }
}
