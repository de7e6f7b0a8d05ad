package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.ProjectRoot;
import despatch.subscription.AddressKey;
import despatch.subscription.AddressRecord;
import despatch.common.EmailAddress;
import despatch.subscription.Member;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.TokenPurpose;
import despatch.subscription.TokenSigner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The real SubscriptionHandler behind API Gateway-shaped events, against DynamoDB (dynalite),
 * SES (aws-ses-v2-local) and the local Secrets Manager: every link is taken from an email the SES
 * emulator captured, as a constituent would click it.
 */
class SubscriptionHandlerTest {
    private static final String HOST = "abcdef1234.execute-api.eu-west-2.amazonaws.com";
    private static final Pattern LINK = Pattern.compile("https://" + Pattern.quote(HOST) + "/[a-z/-]+\\?token=[^\\s\"<]+");
    private static final HttpApiEvents EVENTS = new HttpApiEvents(ProjectRoot.find());
    private static final SubscriptionHandler HANDLER = new SubscriptionHandler(
            TestStack.wiring(Setting.Function.SubscriptionFunction, Clock.systemUTC()));

    /** Each test comes from its own network, so the per-network daily limit never couples tests. */
    private final String ip = "198.51.100." + (1 + (int) (Math.random() * 250));
    private final String email = "constituent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org.uk";

    private static APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String contentType, String body, String accept,
            String ip) {
        URI uri = URI.create(pathAndQuery);
        Map<String, String> headers = new java.util.HashMap<>(Map.of("accept", accept, "user-agent", "Mozilla/5.0 (Test) Firefox/140.0"));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return HANDLER.handleRequest(EVENTS.request(method + " " + uri.getPath(), method, uri.getPath(), uri.getRawQuery(), headers,
                body, ip, HOST), null);
    }

    private APIGatewayV2HTTPResponse form(String path, String body) {
        return call("POST", path, "application/x-www-form-urlencoded", body, "text/html", ip);
    }

    private APIGatewayV2HTTPResponse get(String pathAndQuery) {
        return call("GET", pathAndQuery, null, null, "text/html", ip);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String pathOf(String link) {
        return link.substring(("https://" + HOST).length());
    }

    private static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    private List<CapturedEmail> mailTo(String address) {
        return TestStack.get().capturedEmails().stream().filter(m -> m.to().contains(address)).toList();
    }

    private String linkIn(CapturedEmail mail, String path) {
        Matcher matcher = LINK.matcher(mail.text());
        while (matcher.find()) {
            if (matcher.group().contains(path + "?")) {
                return matcher.group();
            }
        }
        throw new AssertionError("No " + path + " link in the email's text part:\n" + mail.text());
    }

    private static DynamoDbSubscriberStore store() {
        return new DynamoDbSubscriberStore(TestStack.get().dynamoDb(),
                TestStack.environment(Setting.Function.SubscriptionFunction).get("SUBSCRIBERS_TABLE"));
    }

    private static boolean isMember(String list, String address) {
        List<Member> members = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = store().activeMembers(list, cursor, 500);
            members.addAll(page.members());
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return members.stream().anyMatch(m -> m.address().forDelivery().equals(address));
    }

    private static TokenSigner signer() {
        String arn = TestStack.environment(Setting.Function.SubscriptionFunction).get("SIGNING_SECRET_ARN");
        return new TokenSigner(SecretsManagerSigningSecret.read(TestStack.get().secretsManager(), arn), Clock.systemUTC());
    }

    private String subscribeAndConfirm(String lists) {
        assertEquals(202, form("/subscriptions", "email=" + encode(email) + lists).getStatusCode());
        TestStack.drainSubscriberMail();
        String confirm = linkIn(mailTo(email).getLast(), "/confirm");
        assertEquals(200, form("/confirm", "token=" + encode(token(confirm))).getStatusCode());
        return confirm;
    }

    @Test
    void aConstituentSubscribesConfirmsFromTheEmailChoosesListsAndLeavesInOneClick() {
        APIGatewayV2HTTPResponse subscribed = form("/subscriptions",
                "email=" + encode(email) + "&name=Sam+Example&postcode=sw1a+0aa&lists=newsletter&wording=2026-11");
        assertEquals(202, subscribed.getStatusCode());
        assertTrue(Jsoup.parse(subscribed.getBody()).select("h1").text().contains("Check your email"));
        TestStack.drainSubscriberMail();
        assertFalse(isMember("newsletter", email), "pending subscribers receive nothing");

        CapturedEmail confirmation = mailTo(email).getLast();
        assertAll(
                () -> assertTrue(confirmation.subject().startsWith("Confirm your subscription")),
                () -> assertTrue(confirmation.from().contains(TestStack.environment(Setting.Function.SubscriptionFunction)
                        .get("SENDER_ADDRESS")), confirmation.from()),
                () -> assertFalse(confirmation.html().isBlank(), "HTML part"),
                () -> assertFalse(confirmation.text().isBlank(), "text part"));
        String confirmLink = linkIn(confirmation, "/confirm");

        // Opening the link shows a button and changes nothing: mail scanners open every link.
        Document confirmPage = Jsoup.parse(get(pathOf(confirmLink)).getBody());
        assertEquals("post", confirmPage.selectFirst("form").attr("method").toLowerCase());
        assertFalse(isMember("newsletter", email));

        APIGatewayV2HTTPResponse confirmed = form("/confirm", "token=" + encode(token(confirmLink)));
        assertEquals(200, confirmed.getStatusCode());
        assertTrue(Jsoup.parse(confirmed.getBody()).text().contains("You are subscribed"));
        assertTrue(isMember("newsletter", email));
        // Confirming again is harmless.
        assertEquals(200, form("/confirm", "token=" + encode(token(confirmLink))).getStatusCode());

        String preferences = Jsoup.parse(confirmed.getBody()).select("a[href*=/preferences?token=]").attr("href");
        Document preferencesPage = Jsoup.parse(get(pathOf(preferences)).getBody());
        assertTrue(preferencesPage.selectFirst("input[name=lists][value=newsletter]").hasAttr("checked"));
        APIGatewayV2HTTPResponse saved = form("/preferences", "token=" + encode(token(preferences)) + "&lists=newsletter&lists=press");
        assertEquals(200, saved.getStatusCode());
        assertTrue(isMember("press", email) && isMember("newsletter", email));

        // RFC 8058: the mail client POSTs exactly this body to the List-Unsubscribe URL.
        String unsubscribe = "/unsubscribe?token=" + encode(signer().sign(TokenPurpose.UNSUBSCRIBE, subscriberId()));
        APIGatewayV2HTTPResponse left = call("POST", unsubscribe, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", "*/*", ip);
        assertEquals(200, left.getStatusCode());
        assertFalse(isMember("press", email) || isMember("newsletter", email));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, store().findSubscriber(subscriberId()).orElseThrow().status());
        assertEquals(200, call("POST", unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", "*/*", ip)
                .getStatusCode(), "a second one-click unsubscribe is harmless");

        // The old confirmation link cannot bring them back.
        assertEquals(410, form("/confirm", "token=" + encode(token(confirmLink))).getStatusCode());
        assertFalse(isMember("newsletter", email));
    }

    private String subscriberId() {
        return address().subscriberId().orElseThrow();
    }

    private AddressRecord address() {
        try {
            return store().findAddress(AddressKey.of(EmailAddress.parse(email))).orElseThrow();
        } catch (despatch.common.InvalidEmailAddressException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void erasureDeletesTheDataKeepsASuppressionAndALaterSignUpNeedsAFreshConfirmation() {
        String confirm = subscribeAndConfirm("&lists=newsletter&name=Alex+Erased");
        // Erasing needs the short-lived data link that is mailed on request.
        String preferences = "/preferences?token=" + encode(signer().sign(TokenPurpose.DATA, subscriberId()));
        String id = subscriberId();

        APIGatewayV2HTTPResponse asked = form("/my-data/erase", "token=" + encode(token(preferences)));
        assertTrue(Jsoup.parse(asked.getBody()).text().contains("cannot be undone"));
        assertTrue(store().findSubscriber(id).isPresent(), "the first press only asks");
        assertEquals(200, form("/my-data/erase?confirmed=yes", "token=" + encode(token(preferences))).getStatusCode());

        assertTrue(store().findSubscriber(id).isEmpty(), "personal data deleted");
        assertEquals(Optional.of(SubscriberStatus.ERASED), address().suppression());
        assertTrue(address().subscriberId().isEmpty(), "the address record no longer points at anyone");
        assertFalse(isMember("newsletter", email));
        assertEquals(410, get(pathOf("https://" + HOST + preferences)).getStatusCode(), "old links are gone");

        int mailsBefore = mailTo(email).size();
        assertEquals(202, form("/subscriptions", "email=" + encode(email) + "&lists=newsletter").getStatusCode());
        TestStack.drainSubscriberMail();
        assertEquals(mailsBefore + 1, mailTo(email).size(), "a fresh confirmation");
        assertFalse(isMember("newsletter", email), "not silently reactivated");
        assertEquals(Optional.of(SubscriberStatus.ERASED), address().suppression(), "suppressed until confirmed");
        assertEquals(410, form("/confirm", "token=" + encode(token(confirm))).getStatusCode(), "the pre-erasure link stays dead");

        form("/confirm", "token=" + encode(token(linkIn(mailTo(email).getLast(), "/confirm"))));
        assertTrue(isMember("newsletter", email));
        assertTrue(address().suppression().isEmpty());
    }

    @Test
    void theSubscribeAnswerIsTheSameForNewActiveAndErasedAddresses() {
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org.uk";
        subscribeAndConfirm("&lists=newsletter");
        String newAnswer = form("/subscriptions", "email=" + encode(fresh) + "&lists=newsletter").getBody();
        String activeAnswer = form("/subscriptions", "email=" + encode(email) + "&lists=newsletter").getBody();
        assertEquals(newAnswer, activeAnswer);
        TestStack.drainSubscriberMail();
        assertTrue(mailTo(email).getLast().subject().startsWith("You are already subscribed"),
                "only the address's owner learns it was already subscribed");
    }

    @Test
    void anAddressASpreadsheetWouldRunAsAFormulaIsRefusedAtSignUpWithTheReason() throws Exception {
        String formula = "=cmd|'/Ccalc'!A0@example.org";
        APIGatewayV2HTTPResponse refused = form("/subscriptions", "email=" + encode(formula) + "&lists=newsletter");

        assertEquals(400, refused.getStatusCode());
        String page = Jsoup.parse(refused.getBody()).text();
        assertTrue(page.contains("The part before the @ cannot start with = + - or @, which spreadsheets read as a formula."), page);
        assertEquals(0, TestStack.drainSubscriberMail().delivered(), "nothing queued");
        assertTrue(store().findAddress(AddressKey.of(EmailAddress.stored(formula))).isEmpty(), "nothing stored");
    }

    @Test
    void jsonClientsGetJsonAndProblemDetails() {
        APIGatewayV2HTTPResponse ok = call("POST", "/subscriptions", "application/json",
                "{\"email\": \"" + email + "\", \"lists\": [\"newsletter\", \"press\"]}", "application/json", ip);
        assertEquals(202, ok.getStatusCode());
        assertTrue(ok.getHeaders().get("Content-Type").startsWith("application/json"));

        APIGatewayV2HTTPResponse bad = call("POST", "/subscriptions", "application/json",
                "{\"email\": \"not-an-address\", \"name\": \"Sam\\r\\nBcc: victim@example.org\", \"lists\": [\"gossip\"]}",
                "application/json", ip);
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getHeaders().get("Content-Type").startsWith("application/problem+json"));
        assertAll(
                () -> assertTrue(bad.getBody().contains("\"field\":\"email\"")),
                () -> assertTrue(bad.getBody().contains("\"field\":\"name\"")),
                () -> assertTrue(bad.getBody().contains("\"field\":\"lists\"")));

        APIGatewayV2HTTPResponse broken = call("POST", "/subscriptions", "application/json", "{\"email\":", "application/json", ip);
        assertEquals(400, broken.getStatusCode());
        assertTrue(broken.getBody().contains("not valid JSON"));
    }

    @Test
    void tamperedAndForeignLinksChangeNothingAndSayWhy() {
        subscribeAndConfirm("&lists=newsletter");
        String good = signer().sign(TokenPurpose.UNSUBSCRIBE, subscriberId());
        String tampered = good.substring(0, good.length() - 2) + (good.endsWith("A") ? "BB" : "AA");
        APIGatewayV2HTTPResponse refused = call("POST", "/unsubscribe?token=" + encode(tampered), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", "text/html", ip);
        assertEquals(400, refused.getStatusCode());
        assertTrue(Jsoup.parse(refused.getBody()).text().contains("not valid"));
        // An unsubscribe link is not a preferences link.
        assertEquals(400, get("/preferences?token=" + encode(good)).getStatusCode());
        assertTrue(isMember("newsletter", email));
    }

    @Test
    void aOneClickUnsubscribeSentAsMultipartFormDataWorksToo() {
        subscribeAndConfirm("&lists=newsletter");
        String unsubscribe = "/unsubscribe?token=" + encode(signer().sign(TokenPurpose.UNSUBSCRIBE, subscriberId()));
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b0undary--\r\n";
        APIGatewayV2HTTPResponse left = call("POST", unsubscribe, "multipart/form-data; boundary=b0undary", body, "*/*", ip);
        assertEquals(200, left.getStatusCode());
        assertTrue(left.getHeaders().get("Content-Type").startsWith("text/plain"), "no page: RFC 8058 clients show none");
        assertFalse(isMember("newsletter", email));
    }

    @Test
    void anUnconfirmedSignUpExpiresAndAConfirmedOneDoesNot() {
        form("/subscriptions", "email=" + encode(email) + "&lists=newsletter");
        TestStack.drainSubscriberMail();
        var key = Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SUBSCRIBER#" + subscriberId()),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROFILE"));
        String table = TestStack.environment(Setting.Function.SubscriptionFunction).get("SUBSCRIBERS_TABLE");
        var pending = TestStack.get().dynamoDb().getItem(get -> get.tableName(table).key(key)).item();
        long expires = Long.parseLong(pending.get("expiresAt").n());
        long days = (expires - java.time.Instant.now().getEpochSecond()) / 86_400;
        assertTrue(days >= 29 && days <= 30, "kept about 30 days, not " + days);

        form("/confirm", "token=" + encode(token(linkIn(mailTo(email).getLast(), "/confirm"))));
        var active = TestStack.get().dynamoDb().getItem(get -> get.tableName(table).key(key)).item();
        assertFalse(active.containsKey("expiresAt"), "a confirmed subscriber is kept");
    }

    @Test
    void theSampleEventThatSamLocalInvokeUsesIsAccepted() {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(EVENTS.sample(), null);
        assertEquals(202, response.getStatusCode());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertTrue(response.getHeaders().get("Content-Security-Policy").contains("default-src 'none'"));
    }

    @Test
    void logsNameTheRouteAndStatusButNeverTheAddressOrToken() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SubscriptionHandler logging = new SubscriptionHandler(TestStack.wiring(Setting.Function.SubscriptionFunction, Clock.systemUTC()));
            logging.handleRequest(EVENTS.request("POST /subscriptions", "POST", "/subscriptions", "",
                    Map.of("content-type", "application/x-www-form-urlencoded", "accept", "text/html"),
                    "email=" + encode(email) + "&lists=newsletter", ip, HOST), null);
            TestStack.drainSubscriberMail();
            String confirm = linkIn(mailTo(email).getLast(), "/confirm");
            logging.handleRequest(EVENTS.request("GET /confirm", "GET", "/confirm", URI.create(confirm).getRawQuery(),
                    Map.of("accept", "text/html"), null, ip, HOST), null);
        } finally {
            System.setOut(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("POST /subscriptions") && log.contains("GET /confirm"), log);
        assertFalse(log.contains(email) || log.contains(email.substring(0, email.indexOf('@'))), log);
        assertFalse(log.contains("token"), log);
        assertFalse(log.contains(ip), log);
    }
}
