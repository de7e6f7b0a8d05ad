package despatch.subscription.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.office.Office;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.AddressKey;
import despatch.subscription.AddressRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.RecordingSubscriberRequests;
import despatch.subscription.InMemoryDailyLimiter;
import despatch.subscription.InMemorySubscriberStore;
import despatch.subscription.MutableClock;
import despatch.subscription.RecordingMailer;
import despatch.subscription.SubscribeRequestCheck;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriptionEmails;
import despatch.subscription.SubscriptionLimits;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.SubscriptionService;
import despatch.subscription.TokenSigner;
import despatch.testing.TestOffice;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The subscription API driven as a browser, a JSON client and a mail provider would drive it,
 * over the real renderer and templates and the core's in-memory fakes.
 */
class SubscriptionApiTest {
    private static final Office OFFICE = TestOffice.office();
    private static final SubscriptionRenderer RENDERER = new SubscriptionRenderer(OFFICE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE_URL = "https://api.example.org.uk";
    private static final String IP = "203.0.113.9";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemorySubscriberStore store = new InMemorySubscriberStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final TokenSigner signer = new TokenSigner("a test secret that is long enough to sign".getBytes(StandardCharsets.UTF_8), clock);
    private final RecordingSubscriberRequests requests = new RecordingSubscriberRequests();
    private final SubscriptionService service = new SubscriptionService(OFFICE, store, new InMemoryDailyLimiter(), mailer,
            new SubscriptionEmails(OFFICE, RENDERER), signer, SubscriptionLimits.DEFAULT, clock, requests);
    private final SubscriptionApi api = new SubscriptionApi(OFFICE, service, RENDERER);
    private final SubscriptionLinks links = new SubscriptionLinks(BASE_URL, signer);
    /** Every message a request put on the subscriber mail queue. */
    private final List<RecordingSubscriberRequests.Request> handedOver = new ArrayList<>();

    // --- a small HTTP client ---

    /** Sends a request to a path or to a full URL on the API, as API Gateway would pass it on. */
    private WebResponse send(String method, String target, Map<String, String> headers, String body) {
        String pathAndQuery = target.startsWith(BASE_URL) ? target.substring(BASE_URL.length()) : target;
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, List<String>> query = new HashMap<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                query.computeIfAbsent(decode(pair.substring(0, equals)), k -> new ArrayList<>()).add(decode(pair.substring(equals + 1)));
            }
        }
        Map<String, String> withAgent = new HashMap<>(headers);
        withAgent.putIfAbsent("user-agent", "Mozilla/5.0 Firefox/140.0");
        WebResponse response = api.handle(new WebRequest(method, path, query, withAgent, body, BASE_URL, IP));
        handedOver.addAll(requests.waiting());
        // The subscriber mail queue's consumer, as SubscriberMailFunction runs it soon after the answer.
        requests.deliverTo(service);
        return response;
    }

    private WebResponse get(String target) {
        return send("GET", target, Map.of("accept", BROWSER_ACCEPT), "");
    }

    private WebResponse postForm(String target, String body) {
        return send("POST", target, Map.of("accept", BROWSER_ACCEPT, "content-type", FORM_TYPE), body);
    }

    private WebResponse postJson(String target, String body) {
        return send("POST", target, Map.of("accept", "application/json", "content-type", "application/json"), body);
    }

    /** Presses the button of the page's only form, sending its hidden fields as a browser would. */
    private WebResponse pressTheButton(WebResponse page) {
        return pressTheButton(page, null);
    }

    /** Presses the button with this label (or the first form's, for null), sending its form's hidden fields. */
    private WebResponse pressTheButton(WebResponse page, String label) {
        Element form = label == null ? Jsoup.parse(page.body()).selectFirst("main form[method=post]")
                : Jsoup.parse(page.body()).select("main form[method=post]").stream()
                        .filter(f -> f.select("button").text().equals(label)).findFirst().orElse(null);
        assertNotNull(form, "the page has the form: " + page.body());
        StringBuilder body = new StringBuilder();
        for (Element input : form.select("input[type=hidden]")) {
            body.append(body.isEmpty() ? "" : "&").append(input.attr("name")).append('=').append(encode(input.attr("value")));
        }
        return postForm(form.attr("action"), body.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Document html(WebResponse response) {
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        return Jsoup.parse(response.body());
    }

    private static JsonNode json(WebResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String heading(WebResponse response) {
        return html(response).selectFirst("h1").text();
    }

    // --- state, as the store holds it ---

    private Optional<Subscriber> stored(String email) throws Exception {
        return store.findAddress(AddressKey.of(EmailAddress.parse(email)))
                .flatMap(AddressRecord::subscriberId)
                .flatMap(store::findSubscriber);
    }

    private Subscriber storedOrFail(String email) throws Exception {
        return stored(email).orElseThrow(() -> new AssertionError("nothing stored for the address"));
    }

    private WebResponse subscribeByForm(String email) {
        return postForm("/subscriptions", "email=" + encode(email) + "&name=Jane+Smith&lists=newsletter&lists=press");
    }

    /** Subscribes and returns the confirmation link from the email. */
    private String confirmationLink(String email) {
        subscribeByForm(email);
        return mailer.lastLink("/confirm");
    }

    private Subscriber activeSubscriber(String email) throws Exception {
        WebResponse confirmed = postForm("/confirm", "token=" + encode(RecordingMailer.token(confirmationLink(email))));
        assertEquals(200, confirmed.status(), confirmed.body());
        return storedOrFail(email);
    }

    // --- the subscribe form ---

    @Test
    void theSubscribePageIsAFormThatPostsToTheApiWithOneBoxPerList() {
        WebResponse response = get("/subscribe");

        assertEquals(200, response.status());
        Document page = html(response);
        Element form = page.selectFirst("form[method=post]");
        assertEquals(BASE_URL + "/subscriptions", form.attr("action"));
        assertEquals(List.of("newsletter", "press"), form.select("input[type=checkbox][name=lists]").eachAttr("value"));
        assertEquals(List.of("Newsletter", "Press releases"), form.select("fieldset label").eachText());
        assertNotNull(form.selectFirst("input[name=email]"));
    }

    @Test
    void aFormSubscriptionSaysCheckYourEmail() throws Exception {
        WebResponse response = postForm("/subscriptions", "email=jane%40example.org&name=Jane+Smith&lists=newsletter&lists=press");

        assertEquals(202, response.status());
        assertEquals("Check your email", heading(response));
        Subscriber jane = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.PENDING, jane.status());
        assertEquals(Set.of("newsletter", "press"), jane.pendingLists());
        assertEquals(1, mailer.sentTo("jane@example.org").size());
        assertEquals(IP, jane.consents().getFirst().ipAddress());
        assertEquals("Mozilla/5.0 Firefox/140.0", jane.consents().getFirst().userAgent());
        assertEquals(1, handedOver.size(), "recorded by the queue's consumer, not inside the request");
        assertTrue(handedOver.getFirst().isSubscribe());
    }

    @Test
    void aJsonSubscriptionGetsAJsonAnswer() throws Exception {
        WebResponse response = postJson("/subscriptions", "{\"email\": \"jane@example.org\", \"lists\": [\"newsletter\", \"press\"]}");

        assertEquals(202, response.status());
        assertEquals("application/json", response.contentType());
        assertEquals("confirmation-sent", json(response).get("status").asText());
        assertEquals(Set.of("newsletter", "press"), storedOrFail("jane@example.org").pendingLists());
    }

    @Test
    void aBadEmailInTheFormShowsTheFormAgainWithTheMessageAndWhatWasTyped() throws Exception {
        WebResponse response = postForm("/subscriptions", "email=jane%40&name=Jane+Smith&lists=press");

        assertEquals(400, response.status());
        Document page = html(response);
        assertTrue(page.select(".error-summary").text().contains("Enter an email address like name@example.co.uk."), page.text());
        assertEquals("jane@", page.selectFirst("input#email").attr("value"));
        assertEquals("Jane Smith", page.selectFirst("input#name").attr("value"));
        assertEquals(List.of("press"), page.select("input[name=lists][checked]").eachAttr("value"), "the choice is kept");
        assertEquals(0, mailer.sent().size());
        assertEquals(0, store.subscriberCount());
        assertEquals(List.of(), handedOver, "nothing queued");
    }

    @Test
    void aBadEmailInJsonIsAProblemNamingTheField() throws Exception {
        WebResponse response = postJson("/subscriptions", "{\"email\": \"jane@\", \"lists\": \"newsletter\"}");

        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        JsonNode problem = json(response);
        assertEquals(400, problem.get("status").asInt());
        assertEquals("email", problem.get("errors").get(0).get("field").asText());
        assertEquals("Enter an email address like name@example.co.uk.", problem.get("errors").get(0).get("message").asText());
        assertEquals(List.of(), handedOver, "nothing queued");
    }

    @Test
    void theAnswerDoesNotSayWhetherAnAddressIsAlreadySubscribed() throws Exception {
        activeSubscriber("known@example.org");

        WebResponse known = subscribeByForm("known@example.org");
        WebResponse unknown = subscribeByForm("unknown@example.org");

        assertEquals(unknown.status(), known.status());
        assertEquals(unknown.headers(), known.headers());
        assertEquals(unknown.body(), known.body());

        WebResponse knownData = postForm("/my-data", "email=known%40example.org");
        WebResponse unknownData = postForm("/my-data", "email=nobody%40example.org");
        assertEquals(202, knownData.status());
        assertEquals(unknownData.status(), knownData.status());
        assertEquals(unknownData.body(), knownData.body());
    }

    // --- links from emails ---

    @Test
    void followingTheConfirmationLinkShowsAButtonAndChangesNothing() throws Exception {
        String link = confirmationLink("jane@example.org");
        Subscriber before = storedOrFail("jane@example.org");

        WebResponse page = get(link);

        assertEquals(200, page.status());
        Element form = html(page).selectFirst("main form");
        assertEquals("post", form.attr("method"));
        assertEquals(BASE_URL + "/confirm", form.attr("action"));
        assertEquals(RecordingMailer.token(link), form.selectFirst("input[name=token]").attr("value"));
        assertEquals(before, storedOrFail("jane@example.org"), "a mail scanner fetching the link changes nothing");
    }

    @Test
    void postingTheConfirmationActivatesTheSubscription() throws Exception {
        String token = RecordingMailer.token(confirmationLink("jane@example.org"));

        WebResponse response = postForm("/confirm", "token=" + encode(token));

        assertEquals(200, response.status());
        assertEquals("You are subscribed", heading(response));
        Subscriber jane = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.ACTIVE, jane.status());
        assertEquals(Set.of("newsletter", "press"), jane.lists());
    }

    @Test
    void pressingTheButtonOnTheConfirmPageActivatesTheSubscription() throws Exception {
        WebResponse page = get(confirmationLink("jane@example.org"));

        WebResponse response = pressTheButton(page);

        assertEquals(200, response.status(), response.body());
        assertEquals(SubscriberStatus.ACTIVE, storedOrFail("jane@example.org").status());
    }

    @Test
    void theUnsubscribeLinkShowsAButtonThatLeavesEveryList() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");

        WebResponse page = get(links.unsubscribeUrl(jane.id()));

        assertEquals(200, page.status());
        assertEquals("Unsubscribe", html(page).selectFirst("main form button").text());
        assertEquals(SubscriberStatus.ACTIVE, storedOrFail("jane@example.org").status(), "showing the page changes nothing");

        WebResponse done = pressTheButton(page);

        assertEquals(200, done.status());
        assertEquals("You have unsubscribed", heading(done));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
    }

    @Test
    void aMailProvidersOneClickUnsubscribeWorksWithoutAPage() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");

        // RFC 8058: the provider POSTs to the List-Unsubscribe URL with exactly this body.
        WebResponse response = send("POST", links.unsubscribeUrl(jane.id()), Map.of("content-type", FORM_TYPE), "List-Unsubscribe=One-Click");

        assertEquals(200, response.status());
        Subscriber left = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, left.status());
        assertEquals(ConsentSource.ONE_CLICK, left.consents().getLast().source());
        assertTrue(store.activeMembers("newsletter", null, 10).members().isEmpty());
    }

    @Test
    void aOneClickUnsubscribeSentAsMultipartAlsoWorks() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String body = "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";

        // RFC 8058 section 3.1: the POST SHOULD be multipart/form-data and MAY be url-encoded.
        WebResponse response = send("POST", links.unsubscribeUrl(jane.id()), Map.of("content-type", "multipart/form-data; boundary=b1"),
                body);

        assertEquals(200, response.status());
        assertTrue(response.contentType().startsWith("text/plain"), "recognised as one-click: no page");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
        assertEquals(ConsentSource.ONE_CLICK, storedOrFail("jane@example.org").consents().getLast().source());
    }

    @Test
    void anOldUsedConfirmationLinkDoesNotOfferANewerRequestsLists() throws Exception {
        postForm("/subscriptions", "email=" + encode("ann@example.org") + "&lists=newsletter");
        String first = mailer.lastLink("/confirm");
        postForm("/confirm", "token=" + encode(RecordingMailer.token(first)));
        postForm("/subscriptions", "email=" + encode("ann@example.org") + "&lists=press");

        WebResponse old = get(first.substring(BASE_URL.length()));

        assertEquals(200, old.status());
        assertEquals("You are subscribed", heading(old));
        assertTrue(html(old).select("form").isEmpty(), "nothing to press: this link has nothing left to confirm");
        assertEquals(java.util.Set.of("press"), storedOrFail("ann@example.org").pendingLists());
    }

    @Test
    void theUnsubscribeButtonOnThePreferencesPageLeavesEveryList() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        WebResponse page = get(links.preferencesUrl(jane.id()));

        WebResponse done = pressTheButton(page, "Unsubscribe from everything");

        assertEquals(200, done.status(), done.body());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
        assertTrue(store.activeMembers("newsletter", null, 10).members().isEmpty());
    }

    @Test
    void aTamperedLinkIsNotValid() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String link = links.preferencesUrl(jane.id());
        String tampered = link.replace("token=p.", "token=p.A");

        WebResponse response = get(tampered);

        assertEquals(400, response.status());
        assertTrue(html(response).text().contains("not valid"), response.body());
    }

    @Test
    void anExpiredConfirmationLinkSaysSo() throws Exception {
        String link = confirmationLink("jane@example.org");
        clock.advance(Duration.ofDays(8));

        WebResponse response = get(link);

        assertEquals(410, response.status());
        assertTrue(html(response).text().contains("expired"), response.body());
    }

    @Test
    void aConfirmationLinkForACancelledRequestOffersNoButton() throws Exception {
        String link = confirmationLink("jane@example.org");
        postForm(links.unsubscribeUrl(storedOrFail("jane@example.org").id()), "");

        WebResponse response = get(link);

        assertEquals(410, response.status());
        assertTrue(html(response).select("main form").isEmpty(), response.body());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
    }

    @Test
    void linkProblemsAreProblemDetailsForJsonClients() throws Exception {
        WebResponse response = send("GET", "/preferences?token=nonsense", Map.of("accept", "application/json"), "");

        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("This link is not valid", json(response).get("title").asText());
    }

    // --- preferences and data ---

    @Test
    void thePreferencesPageTicksTheCurrentListsAndSavesANewChoice() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String token = RecordingMailer.token(links.preferencesUrl(jane.id()));

        WebResponse page = get(links.preferencesUrl(jane.id()));

        assertEquals(200, page.status());
        assertEquals(List.of("newsletter", "press"), html(page).select("input[name=lists][checked]").eachAttr("value"));

        WebResponse saved = postForm("/preferences", "token=" + encode(token) + "&lists=press");

        assertEquals(200, saved.status());
        assertTrue(html(saved).select(".notice").text().contains("Press releases"), saved.body());
        assertEquals(Set.of("press"), storedOrFail("jane@example.org").lists());
    }

    @Test
    void erasingFromAPreferencesLinkFirstMailsALinkThatCan() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String preferences = RecordingMailer.token(links.preferencesUrl(jane.id()));

        WebResponse mailed = postForm("/my-data/erase", "token=" + encode(preferences));

        assertEquals(202, mailed.status());
        assertEquals("Check your email", heading(mailed));
        assertTrue(stored("jane@example.org").isPresent(), "a forwarded newsletter's link erases nothing");
        WebResponse page = get(mailer.lastLink("/preferences").substring(BASE_URL.length()));
        WebResponse areYouSure = pressTheButton(page, "Erase my data");
        assertEquals(200, areYouSure.status());
        assertTrue(html(areYouSure).text().contains("cannot be undone"));
    }

    @Test
    void erasureAsksOnceMoreBeforeItHappens() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String token = RecordingMailer.token(links.dataUrl(jane.id()));

        WebResponse areYouSure = postForm("/my-data/erase", "token=" + encode(token));

        assertEquals(200, areYouSure.status());
        assertEquals("Erase my data", html(areYouSure).selectFirst("main form button").text());
        assertTrue(stored("jane@example.org").isPresent(), "nothing erased yet");

        WebResponse erased = pressTheButton(areYouSure);

        assertEquals(200, erased.status());
        assertEquals("Your data has been erased", heading(erased));
        assertEquals(Optional.empty(), store.findSubscriber(jane.id()));
        assertEquals(0, store.subscriberCount());
    }

    @Test
    void theDataExportGoesToTheMailboxNotThePage() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String token = RecordingMailer.token(links.preferencesUrl(jane.id()));

        WebResponse response = postForm("/my-data/export", "token=" + encode(token));

        assertEquals(202, response.status());
        assertFalse(response.body().contains("jane@example.org"), "no personal data on the page");
        assertEquals("jane@example.org", mailer.last().to().forDelivery());
        assertTrue(mailer.last().text().contains(IP));
    }

    // --- JSON on every route (an outside probe found forms and button pages answered HTML) ---

    private WebResponse getJson(String target) {
        return send("GET", target, Map.of("accept", "application/json"), "");
    }

    @Test
    void aJsonClientAskingForTheSubscribeFormGetsWhatToPostListsAndTheWording() throws Exception {
        WebResponse response = getJson("/subscribe?list=press");

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        JsonNode form = json(response);
        assertEquals(BASE_URL + "/subscriptions", form.get("action").asText());
        assertEquals("POST", form.get("method").asText());
        assertEquals(SubscribeRequestCheck.CURRENT_WORDING, form.get("wording").asText());
        assertEquals(List.of("newsletter", "press"), form.get("lists").findValuesAsText("id"));
        assertEquals(List.of("Newsletter", "Press releases"), form.get("lists").findValuesAsText("name"));
        assertEquals(List.of(false, true), form.get("lists").findValues("chosen").stream().map(JsonNode::asBoolean).toList());

        WebResponse subscribed = postJson(form.get("action").asText(), "{\"email\": \"jane@example.org\", \"lists\": [\"press\"], "
                + "\"wording\": \"" + form.get("wording").asText() + "\"}");
        assertEquals(202, subscribed.status(), "the form's answer is enough to subscribe");
        assertEquals(SubscribeRequestCheck.CURRENT_WORDING, storedOrFail("jane@example.org").consents().getFirst().wordingVersion());
    }

    @Test
    void aJsonClientAskingForTheMyDataFormGetsWhatToPost() throws Exception {
        WebResponse response = getJson("/my-data");

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        assertEquals(BASE_URL + "/my-data", json(response).get("action").asText());
        assertEquals("email", json(response).get("fields").get(0).asText());
    }

    @Test
    void aJsonClientFollowingTheConfirmationLinkIsToldWhatPostingItWouldDoAndNothingChanges() throws Exception {
        String link = confirmationLink("jane@example.org");
        Subscriber before = storedOrFail("jane@example.org");

        WebResponse response = getJson(link);

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        JsonNode step = json(response);
        assertEquals("confirmation-required", step.get("status").asText());
        assertEquals(BASE_URL + "/confirm", step.get("action").asText());
        Set<String> lists = new java.util.HashSet<>();
        step.get("lists").forEach(list -> lists.add(list.asText()));
        assertEquals(Set.of("newsletter", "press"), lists, "the lists it would confirm");
        assertEquals(before, storedOrFail("jane@example.org"), "a client fetching the link changes nothing");

        WebResponse confirmed = postJson(step.get("action").asText(), "{\"token\": \"" + RecordingMailer.token(link) + "\"}");
        assertEquals(200, confirmed.status());
        assertEquals(SubscriberStatus.ACTIVE, storedOrFail("jane@example.org").status());
    }

    @Test
    void aJsonClientFollowingTheUnsubscribeLinkIsToldWhatPostingItWouldDo() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");

        WebResponse response = getJson(links.unsubscribeUrl(jane.id()));

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        assertEquals("confirmation-required", json(response).get("status").asText());
        assertEquals(BASE_URL + "/unsubscribe", json(response).get("action").asText());
        assertEquals(SubscriberStatus.ACTIVE, storedOrFail("jane@example.org").status(), "fetching the link changes nothing");
    }

    @Test
    void aJsonErasureWithADataLinkAsksOnceMoreInJsonThenErases() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        String token = RecordingMailer.token(links.dataUrl(jane.id()));

        WebResponse areYouSure = postJson("/my-data/erase", "{\"token\": \"" + token + "\"}");

        assertEquals(200, areYouSure.status());
        assertEquals("application/json", areYouSure.contentType());
        JsonNode step = json(areYouSure);
        assertEquals("confirmation-required", step.get("status").asText());
        assertTrue(step.get("detail").asText().contains("cannot be undone"), step.toString());
        assertTrue(stored("jane@example.org").isPresent(), "nothing erased yet");

        WebResponse erased = postJson(step.get("action").asText(), "{\"token\": \"" + token + "\"}");

        assertEquals(200, erased.status());
        assertEquals("erased", json(erased).get("status").asText());
        assertEquals(0, store.subscriberCount());
    }

    // --- HTTP edges ---

    @Test
    void anUnknownPathIsNotFound() {
        assertEquals(404, get("/admin").status());
        assertEquals(404, get("/subscribe/../etc/passwd").status());
    }

    @Test
    void theWrongMethodIsRefusedWithTheOneAllowed() {
        WebResponse response = get("/subscriptions");

        assertEquals(405, response.status());
        assertEquals("POST", response.headers().get("Allow"));
    }

    @Test
    void malformedJsonIsAProblem() throws Exception {
        WebResponse response = postJson("/subscriptions", "{\"email\": \"jane@example.org\", ");

        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(400, json(response).get("status").asInt());
        assertEquals(0, store.subscriberCount());
    }

    @Test
    void anOversizedBodyIsRefusedUnread() {
        String padding = "x".repeat(20 * 1024);

        // Valid but for its size: the padding is in a field the API ignores.
        WebResponse response = postForm("/subscriptions", "email=jane%40example.org&lists=newsletter&padding=" + padding);

        assertEquals(400, response.status());
        assertTrue(html(response).text().contains("too large"), response.body());
        assertEquals(0, store.subscriberCount());
        assertEquals(0, mailer.sent().size());
    }

    @Test
    void oneNetworkIsToldToComeBackTomorrowAfterFiftyRequests() {
        for (int i = 1; i <= 50; i++) {
            assertEquals(202, subscribeByForm("person" + i + "@example.org").status());
        }

        WebResponse response = subscribeByForm("person51@example.org");

        assertEquals(429, response.status());
        assertNotNull(response.headers().get("Retry-After"));
    }

    @Test
    void everyPageForbidsCachingReferrersAndScripts() throws Exception {
        Subscriber jane = activeSubscriber("jane@example.org");
        Map<String, WebResponse> pages = new LinkedHashMap<>();
        pages.put("subscribe form", get("/subscribe"));
        pages.put("check your email", subscribeByForm("new@example.org"));
        pages.put("form with errors", postForm("/subscriptions", "email=nope"));
        pages.put("confirm page", get(confirmationLink("other@example.org")));
        pages.put("preferences", get(links.preferencesUrl(jane.id())));
        pages.put("bad link", get("/preferences?token=nonsense"));
        pages.put("not found", get("/nowhere"));

        pages.forEach((name, response) -> {
            assertTrue(response.contentType().startsWith("text/html"), name);
            assertEquals("no-store", response.headers().get("Cache-Control"), name);
            assertEquals("no-referrer", response.headers().get("Referrer-Policy"), name);
            String policy = response.headers().get("Content-Security-Policy");
            assertNotNull(policy, name);
            assertTrue(policy.contains("default-src 'none'"), name + ": " + policy);
            assertTrue(Jsoup.parse(response.body()).select("script").isEmpty(), name);
        });
    }

    @Test
    void typedTextIsNeverEchoedAsMarkup() {
        String script = "<script>alert(1)</script>";

        WebResponse badName = postForm("/subscriptions", "email=jane%40example.org&lists=newsletter&name=" + encode(script));
        WebResponse badEmail = postForm("/subscriptions", "email=" + encode("\"><script>alert(1)</script>") + "&lists=newsletter");
        WebResponse badList = postForm("/subscriptions", "email=jane%40example.org&lists=" + encode(script));
        WebResponse badListJson = postJson("/subscriptions", "{\"email\": \"jane@example.org\", \"lists\": [\"" + script + "\"]}");
        WebResponse badDataEmail = postForm("/my-data", "email=" + encode(script));
        WebResponse chosenList = get("/subscribe?list=" + encode(script));

        for (WebResponse response : List.of(badName, badEmail, badList, badDataEmail, chosenList)) {
            assertFalse(response.body().contains("<script"), response.body());
            assertTrue(Jsoup.parse(response.body()).select("script").isEmpty());
        }
        assertEquals(400, badName.status(), "a name with markup is refused");
        assertEquals(script, Jsoup.parse(badName.body()).selectFirst("input#name").attr("value"), "shown back as text, escaped");
        assertEquals("\"><script>alert(1)</script>", Jsoup.parse(badEmail.body()).selectFirst("input#email").attr("value"));
        assertEquals(400, badListJson.status());
        assertEquals("application/problem+json", badListJson.contentType(), "JSON, which a browser will not run");
        assertEquals(0, store.subscriberCount());
    }
}
