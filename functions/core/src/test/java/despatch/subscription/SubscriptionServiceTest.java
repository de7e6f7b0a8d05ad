package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.common.ConcurrentChangeException;
import despatch.common.EmailAddress;
import despatch.office.Office;
import despatch.render.SubscriptionRenderer;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The subscription core end to end through its own fakes: what is stored, who is on which list,
 * and which emails go out. Links are taken from the emails' text parts, as a subscriber would.
 */
class SubscriptionServiceTest {
    private static final Office OFFICE = TestOffice.office();
    private static final SubscriptionRenderer RENDERER = new SubscriptionRenderer(OFFICE);
    private static final byte[] SECRET = "a test secret that is long enough to sign".getBytes(StandardCharsets.UTF_8);
    private static final String BASE_URL = "https://api.example.org.uk";
    private static final RequestOrigin FORM = RequestOrigin.web(ConsentSource.FORM, "203.0.113.9", "Mozilla/5.0 Firefox/140.0");
    private static final RequestOrigin CLICK = RequestOrigin.web(ConsentSource.EMAIL_LINK, "198.51.100.4", "Mozilla/5.0 Safari/605.1");

    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemorySubscriberStore store = new InMemorySubscriberStore();
    private final InMemoryDailyLimiter limiter = new InMemoryDailyLimiter();
    private final RecordingMailer mailer = new RecordingMailer();
    private final RecordingSubscriberRequests requests = new RecordingSubscriberRequests();
    private final TokenSigner signer = new TokenSigner(SECRET, clock);
    private final SubscriptionLinks links = new SubscriptionLinks(BASE_URL, signer);
    private final SubscriptionService service = serviceOn(store);

    private SubscriptionService serviceOn(SubscriberStore subscriberStore) {
        return new SubscriptionService(OFFICE, subscriberStore, limiter, mailer, new SubscriptionEmails(OFFICE, RENDERER), signer,
                SubscriptionLimits.DEFAULT, clock, requests);
    }

    // --- helpers, in the words of the form and the emails ---

    private static ValidSubscription form(String email, String... lists) throws InvalidRequestException {
        return new SubscribeRequestCheck(OFFICE).check(new SubscribeRequest(email, "Jane Smith", "SW1A 0AA", List.of(lists), null));
    }

    /** Submits the form, and the subscriber mail queue's consumer records it, as SubscriberMailFunction does soon after. */
    private void submit(ValidSubscription form) throws TooManyRequestsException {
        service.subscribe(form, FORM, links);
        requests.deliverTo(service);
    }

    /** Submits the form and returns the token of the confirmation link it mailed. */
    private String subscribe(String email, String... lists) throws Exception {
        submit(form(email, lists));
        return RecordingMailer.token(mailer.lastLink(SubscriptionPaths.CONFIRM));
    }

    private Subscriber subscribeAndConfirm(String email, String... lists) throws Exception {
        return service.confirm(subscribe(email, lists), CLICK);
    }

    private Optional<Subscriber> stored(String email) throws Exception {
        return store.findAddress(AddressKey.of(EmailAddress.parse(email)))
                .flatMap(AddressRecord::subscriberId)
                .flatMap(store::findSubscriber);
    }

    private Subscriber storedOrFail(String email) throws Exception {
        return stored(email).orElseThrow(() -> new AssertionError("no subscriber stored for the address"));
    }

    private AddressRecord addressRecord(String email) throws Exception {
        return store.findAddress(AddressKey.of(EmailAddress.parse(email))).orElseThrow();
    }

    /** The lists a subscriber would be sent, as the sender reads them: list by list, active members only. */
    private Set<String> listsSentTo(String subscriberId) {
        Set<String> lists = new TreeSet<>();
        for (String list : OFFICE.lists().keySet()) {
            if (store.activeMembers(list, null, 1000).members().stream().anyMatch(m -> m.subscriberId().equals(subscriberId))) {
                lists.add(list);
            }
        }
        return lists;
    }

    private String preferencesToken(String subscriberId) {
        return RecordingMailer.token(links.preferencesUrl(subscriberId));
    }

    /** The short-lived link a data request mails: the only kind that may erase. */
    private String dataToken(String subscriberId) {
        return RecordingMailer.token(links.dataUrl(subscriberId));
    }

    private String unsubscribeToken(String subscriberId) {
        return RecordingMailer.token(links.unsubscribeUrl(subscriberId));
    }

    /** The service over the same store, noting the name of every store call in {@code calls}. */
    private SubscriptionService watching(List<String> calls) {
        return serviceOn((SubscriberStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SubscriberStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private LinkProblem problemWith(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(InvalidLinkException.class, action).problem();
    }

    // --- double opt-in ---

    @Test
    void aNewAddressIsPendingAndGetsOneConfirmationMail() throws Exception {
        submit(form("jane@example.org", "newsletter", "press"));

        Subscriber jane = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.PENDING, jane.status());
        assertEquals(Set.of("newsletter", "press"), jane.pendingLists());
        assertEquals(Set.of(), jane.lists());
        assertEquals(1, mailer.sent().size());
        OutgoingEmail mail = mailer.last();
        assertEquals("jane@example.org", mail.to().forDelivery());
        assertTrue(mailer.lastLink(SubscriptionPaths.CONFIRM).startsWith(BASE_URL + "/confirm?token="), mail.text());
    }

    @Test
    void askingAgainForWhatIsPendingResendsTheSameLinkAndStoresNothing() throws Exception {
        submit(form("jane@example.org", "newsletter"));
        String first = mailer.lastLink(SubscriptionPaths.CONFIRM);
        for (int i = 0; i < 2; i++) {
            submit(form("jane@example.org", "newsletter"));
        }

        assertEquals(3, mailer.sent().size());
        assertEquals(first, mailer.lastLink(SubscriptionPaths.CONFIRM));
        assertEquals(1, storedOrFail("jane@example.org").consents().size(), "strangers cannot grow the record by asking again");
    }

    @Test
    void aNewListMakesANewLinkAndTheOlderOneNoLongerConfirms() throws Exception {
        submit(form("jane@example.org", "newsletter"));
        String first = RecordingMailer.token(mailer.lastLink(SubscriptionPaths.CONFIRM));
        submit(form("jane@example.org", "press"));

        assertEquals(LinkProblem.GONE, problemWith(() -> service.confirm(first, CLICK)));
        Subscriber jane = service.confirm(RecordingMailer.token(mailer.lastLink(SubscriptionPaths.CONFIRM)), CLICK);
        assertEquals(Set.of("newsletter", "press"), jane.lists());
    }

    @Test
    void aPendingSubscriberIsOnNoList() throws Exception {
        submit(form("jane@example.org", "newsletter", "press"));

        assertEquals(Set.of(), listsSentTo(storedOrFail("jane@example.org").id()));
        assertTrue(store.activeMembers("newsletter", null, 10).members().isEmpty());
        assertTrue(store.activeMembers("press", null, 10).members().isEmpty());
    }

    @Test
    void confirmingActivatesTheListsAndRecordsWhenAndHowConsentWasGiven() throws Exception {
        String token = subscribe("jane@example.org", "newsletter", "press");
        clock.advance(Duration.ofHours(2));

        service.confirm(token, CLICK);

        Subscriber jane = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.ACTIVE, jane.status());
        assertEquals(Set.of("newsletter", "press"), jane.lists());
        assertEquals(Set.of(), jane.pendingLists());
        assertEquals(Set.of("newsletter", "press"), listsSentTo(jane.id()));

        List<ConsentRecord> history = jane.consents();
        assertEquals(List.of(ConsentAction.REQUESTED, ConsentAction.CONFIRMED), history.stream().map(ConsentRecord::action).toList());
        ConsentRecord requested = history.get(0);
        assertEquals(TestOffice.NOW, requested.at());
        assertEquals(ConsentSource.FORM, requested.source());
        assertEquals("203.0.113.9", requested.ipAddress());
        assertEquals("Mozilla/5.0 Firefox/140.0", requested.userAgent());
        assertEquals(SubscribeRequestCheck.CURRENT_WORDING, requested.wordingVersion());
        assertEquals(Set.of("newsletter", "press"), requested.lists());
        ConsentRecord confirmed = history.get(1);
        assertEquals(TestOffice.NOW.plus(Duration.ofHours(2)), confirmed.at());
        assertEquals(ConsentSource.EMAIL_LINK, confirmed.source());
        assertEquals("198.51.100.4", confirmed.ipAddress());
        assertEquals("Mozilla/5.0 Safari/605.1", confirmed.userAgent());
        assertEquals(SubscribeRequestCheck.CURRENT_WORDING, confirmed.wordingVersion(), "the wording the person agreed to");
        assertEquals(Set.of("newsletter", "press"), confirmed.lists());
    }

    @Test
    void clickingTheConfirmationLinkAgainChangesNothing() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        service.confirm(token, CLICK);
        Subscriber afterFirstClick = storedOrFail("jane@example.org");
        clock.advance(Duration.ofMinutes(5));

        Subscriber answer = assertDoesNotThrow(() -> service.confirm(token, CLICK));

        assertEquals(SubscriberStatus.ACTIVE, answer.status());
        assertEquals(afterFirstClick, storedOrFail("jane@example.org"), "same version, same consent history");
        assertEquals(2, storedOrFail("jane@example.org").consents().size(), "no second CONFIRMED record");
        assertEquals(Set.of("newsletter"), listsSentTo(afterFirstClick.id()));
    }

    @Test
    void aConfirmationLinkStillWorksOnItsLastDay() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        clock.advance(Duration.ofDays(7).minusSeconds(1));

        service.confirm(token, CLICK);

        assertEquals(SubscriberStatus.ACTIVE, storedOrFail("jane@example.org").status());
    }

    @Test
    void aConfirmationLinkExpiresAfterSevenDays() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        Subscriber before = storedOrFail("jane@example.org");
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertEquals(LinkProblem.EXPIRED, problemWith(() -> service.confirm(token, CLICK)));

        assertEquals(before, storedOrFail("jane@example.org"));
        assertEquals(Set.of(), listsSentTo(before.id()));
    }

    @Test
    void aTamperedConfirmationLinkIsInvalid() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        Subscriber before = storedOrFail("jane@example.org");
        String[] parts = token.split("\\.");
        String signature = parts[3];
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "." + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        String otherPerson = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("someone-else~nonce".getBytes(StandardCharsets.UTF_8));
        String swapped = parts[0] + "." + otherPerson + "." + parts[2] + "." + parts[3];

        assertEquals(LinkProblem.INVALID, problemWith(() -> service.confirm(tampered, CLICK)));
        assertEquals(LinkProblem.INVALID, problemWith(() -> service.confirm(swapped, CLICK)));
        assertEquals(LinkProblem.INVALID, problemWith(() -> service.confirm(unsubscribeToken(before.id()), CLICK)),
                "an unsubscribe link cannot confirm");

        assertEquals(before, storedOrFail("jane@example.org"));
    }

    @Test
    void anAddressIsTheSamePersonWhateverItsCapitals() throws Exception {
        subscribeAndConfirm("Jane.Smith@Example.org", "newsletter");

        submit(form("jane.smith@example.org", "newsletter"));

        assertEquals(1, store.subscriberCount());
        assertTrue(mailer.last().subject().contains("already subscribed"), mailer.last().subject());
    }

    // --- subscribing again ---

    @Test
    void subscribingAgainWhileActiveMailsAManageLinkAndChangesNothing() throws Exception {
        subscribeAndConfirm("jane@example.org", "newsletter", "press");
        Subscriber before = storedOrFail("jane@example.org");

        submit(form("jane@example.org", "press", "newsletter"));

        assertEquals(2, mailer.sentTo("jane@example.org").size());
        assertEquals("You are already subscribed to Office of Jane Smith MP", mailer.last().subject());
        assertTrue(mailer.lastLink(SubscriptionPaths.PREFERENCES).startsWith(BASE_URL + "/preferences?token="));
        assertFalse(mailer.last().text().contains("/confirm?"), "nothing to confirm");
        assertEquals(before, storedOrFail("jane@example.org"));
    }

    @Test
    void theFormNeverOverwritesTheNameAndPostcodeAlreadyGiven() throws Exception {
        subscribeAndConfirm("jane@example.org", "newsletter");

        submit(new SubscribeRequestCheck(OFFICE).check(
                new SubscribeRequest("jane@example.org", "Someone Else", "CF10 1AA", List.of("press"), null)));

        Subscriber jane = storedOrFail("jane@example.org");
        assertEquals("Jane Smith", jane.name());
        assertEquals("SW1A 0AA", jane.postcode());
    }

    @Test
    void subscribingToAnExtraListWhileActiveAsksToConfirmOnlyThatOne() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter");

        String pressToken = subscribe("jane@example.org", "press");

        Subscriber meanwhile = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.ACTIVE, meanwhile.status());
        assertEquals(Set.of("newsletter"), meanwhile.lists());
        assertEquals(Set.of("press"), meanwhile.pendingLists());
        assertEquals(Set.of("newsletter"), listsSentTo(jane.id()), "the newsletter keeps coming; press waits");
        assertTrue(mailer.last().text().contains("Press releases"), mailer.last().text());

        service.confirm(pressToken, CLICK);

        assertEquals(Set.of("newsletter", "press"), listsSentTo(jane.id()));
        assertEquals(Set.of(), storedOrFail("jane@example.org").pendingLists());
    }

    @Test
    void subscribingAgainWhilePendingResendsALinkThatConfirmsEveryListAskedFor() throws Exception {
        String first = subscribe("jane@example.org", "newsletter");

        String second = subscribe("jane@example.org", "press");

        assertEquals(2, mailer.sentTo("jane@example.org").size());
        service.confirm(second, CLICK);
        Subscriber jane = storedOrFail("jane@example.org");
        assertEquals(Set.of("newsletter", "press"), jane.lists());
        assertDoesNotThrow(() -> service.confirm(first, CLICK), "the first link of the same request is harmless");
        assertEquals(jane, storedOrFail("jane@example.org"));
    }

    // --- leaving ---

    @Test
    void unsubscribingLeavesEveryListAndRepeatingItIsHarmless() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter", "press");
        String token = unsubscribeToken(jane.id());

        service.unsubscribe(token, CLICK);

        Subscriber left = storedOrFail("jane@example.org");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, left.status());
        assertEquals(Set.of(), left.lists());
        assertEquals(Set.of(), listsSentTo(jane.id()));
        assertEquals(ConsentAction.UNSUBSCRIBED, left.consents().getLast().action());

        clock.advance(Duration.ofDays(400));
        assertDoesNotThrow(() -> service.unsubscribe(token, CLICK), "unsubscribe links in old emails keep working");
        assertEquals(left, storedOrFail("jane@example.org"));
    }

    @Test
    void anOldConfirmationLinkDoesNotRejoinSomeoneWhoLeft() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        Subscriber jane = service.confirm(token, CLICK);
        service.unsubscribe(unsubscribeToken(jane.id()), CLICK);

        assertEquals(LinkProblem.GONE, problemWith(() -> service.confirm(token, CLICK)));

        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
        assertEquals(Set.of(), listsSentTo(jane.id()));
    }

    @Test
    void aPendingRequestCanBeCancelledAndItsLinkThenNoLongerWorks() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        String id = storedOrFail("jane@example.org").id();

        service.unsubscribe(unsubscribeToken(id), CLICK);

        assertEquals(LinkProblem.GONE, problemWith(() -> service.confirm(token, CLICK)));
        assertEquals(LinkProblem.GONE, problemWith(() -> service.checkConfirmation(token)),
                "the confirm page should not offer a button that cannot work");
        assertEquals(Set.of(), listsSentTo(id));
    }

    // --- preferences ---

    @Test
    void anActiveSubscribersChoiceOfListsAppliesAtOnce() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter", "press");
        int mailsBefore = mailer.sent().size();

        Subscriber answer = service.choose(preferencesToken(jane.id()), Set.of("press"), CLICK, links);

        assertEquals(SubscriberStatus.ACTIVE, answer.status());
        assertEquals(Set.of("press"), storedOrFail("jane@example.org").lists());
        assertEquals(Set.of("press"), listsSentTo(jane.id()));
        assertEquals(mailsBefore, mailer.sent().size(), "no confirmation needed");
        assertEquals(ConsentAction.CHANGED, storedOrFail("jane@example.org").consents().getLast().action());
    }

    @Test
    void choosingNoListsOnThePreferencesPageUnsubscribes() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter", "press");

        service.choose(preferencesToken(jane.id()), Set.of(), CLICK, links);

        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
        assertEquals(Set.of(), listsSentTo(jane.id()));
    }

    @Test
    void choosingListsAfterLeavingNeedsAFreshConfirmation() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter", "press");
        service.unsubscribe(unsubscribeToken(jane.id()), CLICK);
        int mailsBefore = mailer.sent().size();

        Subscriber answer = service.choose(preferencesToken(jane.id()), Set.of("newsletter"), CLICK, links);

        assertEquals(SubscriberStatus.PENDING, answer.status());
        assertEquals(Set.of("newsletter"), storedOrFail("jane@example.org").pendingLists());
        assertEquals(Set.of(), listsSentTo(jane.id()), "a forwarded preferences link cannot re-subscribe anyone");
        assertEquals(mailsBefore + 1, mailer.sent().size());

        service.confirm(RecordingMailer.token(mailer.lastLink(SubscriptionPaths.CONFIRM)), CLICK);

        assertEquals(Set.of("newsletter"), listsSentTo(jane.id()));
    }

    // --- erasure ---

    @Test
    void aPreferencesLinkCannotEraseOnlyAMailedDataLinkCan() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter");
        assertEquals(LinkProblem.INVALID, problemWith(() -> service.erase(preferencesToken(jane.id()))));
        assertTrue(store.findSubscriber(jane.id()).isPresent());

        service.mailDataLink(preferencesToken(jane.id()), links);
        String mailed = RecordingMailer.token(mailer.lastLink("/preferences"));
        assertTrue(service.isDataLink(mailed));
        clock.advance(java.time.Duration.ofHours(25));
        assertEquals(LinkProblem.EXPIRED, problemWith(() -> service.erase(mailed)));
        assertTrue(store.findSubscriber(jane.id()).isPresent());
    }

    @Test
    void erasureLeavesOnlyASuppressedFingerprintOfTheAddress() throws Exception {
        String confirmToken = subscribe("jane@example.org", "newsletter", "press");
        Subscriber jane = service.confirm(confirmToken, CLICK);
        clock.advance(Duration.ofDays(30));

        service.erase(dataToken(jane.id()));

        assertEquals(Optional.empty(), store.findSubscriber(jane.id()));
        assertEquals(0, store.subscriberCount());
        assertEquals(Set.of(), listsSentTo(jane.id()));
        AddressRecord record = addressRecord("jane@example.org");
        assertEquals(Optional.empty(), record.subscriberId(), "nothing leads back to the person");
        assertEquals(Optional.of(SubscriberStatus.ERASED), record.suppression());
        assertEquals(Optional.of(TestOffice.NOW.plus(Duration.ofDays(30))), record.suppressedAt());
        assertFalse(record.addressKey().contains("jane"), "the key is a hash, not the address");

        assertEquals(LinkProblem.GONE, problemWith(() -> service.subscriberFor(TokenPurpose.PREFERENCES, preferencesToken(jane.id()))));
        assertEquals(LinkProblem.GONE, problemWith(() -> service.unsubscribe(unsubscribeToken(jane.id()), CLICK)));
        assertEquals(LinkProblem.GONE, problemWith(() -> service.erase(dataToken(jane.id()))));
        assertEquals(LinkProblem.GONE, problemWith(() -> service.exportData(preferencesToken(jane.id()), links)));
    }

    @Test
    void subscribingAfterErasureStartsAfreshAndOnlyConfirmingLiftsTheSuppression() throws Exception {
        Subscriber old = subscribeAndConfirm("jane@example.org", "newsletter");
        service.erase(dataToken(old.id()));
        clock.advance(Duration.ofDays(1));

        String token = subscribe("jane@example.org", "press");

        Subscriber fresh = storedOrFail("jane@example.org");
        assertNotEquals(old.id(), fresh.id());
        assertEquals(SubscriberStatus.PENDING, fresh.status());
        assertEquals(List.of(ConsentAction.REQUESTED), fresh.consents().stream().map(ConsentRecord::action).toList(),
                "no history survives erasure");
        assertEquals(Optional.of(SubscriberStatus.ERASED), addressRecord("jane@example.org").suppression(), "not until confirmed");

        service.confirm(token, CLICK);

        assertEquals(Optional.empty(), addressRecord("jane@example.org").suppression());
        assertEquals(Set.of("press"), listsSentTo(fresh.id()));
    }

    // --- no enumeration ---

    @Test
    void subscribingAnswersTheSameWhateverStateTheAddressIsIn() throws Exception {
        subscribe("pending@example.org", "newsletter");
        subscribeAndConfirm("active@example.org", "newsletter");
        Subscriber leaver = subscribeAndConfirm("left@example.org", "newsletter");
        service.unsubscribe(unsubscribeToken(leaver.id()), CLICK);
        Subscriber erased = subscribeAndConfirm("erased@example.org", "newsletter");
        service.erase(dataToken(erased.id()));

        for (String email : List.of("new@example.org", "pending@example.org", "active@example.org", "left@example.org",
                "erased@example.org")) {
            ValidSubscription request = form(email, "newsletter");
            assertDoesNotThrow(() -> service.subscribe(request, FORM, links), email);
        }
    }

    /**
     * The answer must not tell who is subscribed, by its content or by its time: a subscribe request
     * for a new address does exactly what one for a pending or an active address does (no lookup, no
     * claim, no save, no mail, one message handed over); the consumer records it later.
     */
    @Test
    void aSubscribeRequestDoesTheSameWorkForANewAPendingAndAnActiveAddress() throws Exception {
        subscribe("pending@example.org", "newsletter");
        subscribeAndConfirm("active@example.org", "newsletter");
        List<String> storeCalls = new java.util.ArrayList<>();
        SubscriptionService watched = watching(storeCalls);
        int mailsBefore = mailer.sent().size();
        List<String> addresses = List.of("new@example.org", "pending@example.org", "active@example.org");

        for (String email : addresses) {
            watched.subscribe(form(email, "newsletter"), FORM, links);
            assertEquals(List.of(), storeCalls, "no store call for " + email);
        }

        assertEquals(mailsBefore, mailer.sent().size(), "no mail inside the request");
        assertEquals(Optional.empty(), stored("new@example.org"), "nothing recorded inside the request");
        List<RecordingSubscriberRequests.Request> queued = requests.waiting();
        assertEquals(addresses, queued.stream().map(r -> r.address().forDelivery()).toList(), "one message each");
        for (RecordingSubscriberRequests.Request request : queued) {
            assertEquals(form(request.address().forDelivery(), "newsletter"), request.subscription(), "the form as checked");
            assertEquals(FORM, request.origin(), "the origin the consent record stores");
            assertEquals(BASE_URL, request.baseUrl());
        }

        requests.deliverTo(watched);
        assertEquals(SubscriberStatus.PENDING, storedOrFail("new@example.org").status(), "the consumer records the new address");
        assertTrue(mailer.sentTo("new@example.org").getLast().text().contains("/confirm?token="));
        assertTrue(mailer.sentTo("pending@example.org").getLast().text().contains("/confirm?token="));
        assertTrue(mailer.sentTo("active@example.org").getLast().subject().contains("already subscribed"));
        assertEquals(mailsBefore + 3, mailer.sent().size());
    }

    // --- limits ---

    @Test
    void oneAddressGetsAtMostThreeMailsADay() throws Exception {
        for (int i = 0; i < 4; i++) {
            submit(form("jane@example.org", "newsletter"));
        }
        assertEquals(3, mailer.sentTo("jane@example.org").size());

        clock.advance(Duration.ofDays(1));
        submit(form("jane@example.org", "newsletter"));

        assertEquals(4, mailer.sentTo("jane@example.org").size());
    }

    @Test
    void oneNetworkCanMakeFiftyRequestsADay() throws Exception {
        for (int i = 1; i <= 50; i++) {
            submit(form("person" + i + "@example.org", "newsletter"));
        }

        ValidSubscription fiftyFirst = form("person51@example.org", "newsletter");
        assertThrows(TooManyRequestsException.class, () -> service.subscribe(fiftyFirst, FORM, links));
        assertThrows(TooManyRequestsException.class,
                () -> service.requestDataLink(EmailAddress.parse("person1@example.org"), FORM, links));

        requests.deliverTo(service);
        assertEquals(Optional.empty(), stored("person51@example.org"), "nothing handed over for a refused request");
        assertEquals(50, mailer.sent().size());
        RequestOrigin otherNetwork = RequestOrigin.web(ConsentSource.FORM, "192.0.2.77", "");
        assertDoesNotThrow(() -> service.subscribe(fiftyFirst, otherNetwork, links));
        clock.advance(Duration.ofDays(1));
        assertDoesNotThrow(() -> service.subscribe(form("person52@example.org", "newsletter"), FORM, links));
    }

    // --- data requests ---

    @Test
    void aDataRequestForAnUnknownAddressSendsNothing() throws Exception {
        subscribeAndConfirm("jane@example.org", "newsletter");
        int mailsBefore = mailer.sent().size();

        assertDoesNotThrow(() -> service.requestDataLink(EmailAddress.parse("nobody@example.org"), FORM, links));
        requests.deliverTo(service);

        assertEquals(mailsBefore, mailer.sent().size());
    }

    @Test
    void aDataRequestForASubscribedAddressMailsItAPreferencesLink() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter");

        service.requestDataLink(EmailAddress.parse("JANE@example.org"), FORM, links);
        requests.deliverTo(service);

        assertEquals("jane@example.org", mailer.last().to().forDelivery());
        String link = mailer.lastLink(SubscriptionPaths.PREFERENCES);
        assertEquals(jane.id(), service.subscriberFor(TokenPurpose.PREFERENCES, RecordingMailer.token(link)).id());
    }

    /**
     * The answer must not tell who is subscribed, by its content or by its time: a request for a
     * known address does exactly what one for an unknown address does (no lookup, no mail, one
     * message handed over), and the lookup happens later, in the queue's consumer.
     */
    @Test
    void aDataRequestDoesTheSameWorkForAKnownAndAnUnknownAddress() throws Exception {
        subscribeAndConfirm("jane@example.org", "newsletter");
        List<String> storeCalls = new java.util.ArrayList<>();
        SubscriptionService watched = watching(storeCalls);
        int mailsBefore = mailer.sent().size();

        watched.requestDataLink(EmailAddress.parse("jane@example.org"), FORM, links);
        List<String> forKnown = List.copyOf(storeCalls);
        List<RecordingSubscriberRequests.Request> queuedForKnown = requests.waiting();
        watched.requestDataLink(EmailAddress.parse("nobody@example.org"), FORM, links);

        assertEquals(List.of(), forKnown, "no lookup for a known address");
        assertEquals(List.of(), storeCalls, "nor for an unknown one");
        assertEquals(mailsBefore, mailer.sent().size(), "no mail inside the request");
        assertEquals(1, queuedForKnown.size());
        assertEquals(List.of("jane@example.org", "nobody@example.org"),
                requests.waiting().stream().map(r -> r.address().forDelivery()).toList(), "one message each, of the same kind");
        assertEquals(List.of(BASE_URL, BASE_URL), requests.waiting().stream().map(RecordingSubscriberRequests.Request::baseUrl).toList());

        requests.deliverTo(watched);
        assertEquals(mailsBefore + 1, mailer.sent().size(), "the consumer mails the known address only");
        assertEquals("jane@example.org", mailer.last().to().forDelivery());
    }

    @Test
    void theDataExportIsMailedToTheSubscribersOwnAddress() throws Exception {
        Subscriber jane = subscribeAndConfirm("jane@example.org", "newsletter", "press");

        service.exportData(preferencesToken(jane.id()), links);

        OutgoingEmail export = mailer.last();
        assertEquals("jane@example.org", export.to().forDelivery());
        assertTrue(export.text().contains("jane@example.org"), export.text());
        assertTrue(export.text().contains("Newsletter"), export.text());
        assertTrue(export.text().contains("Press releases"), export.text());
        assertTrue(export.text().contains("203.0.113.9"), "the IP address the request came from");
        assertTrue(export.text().contains("198.51.100.4"), "the IP address the confirmation came from");
        assertTrue(export.html().contains("jane@example.org"));
    }

    // --- concurrent writers ---

    @Test
    void aSaveThatLosesARaceIsRetried() throws Exception {
        RacingStore racing = new RacingStore(store);
        racing.failNextSave();
        SubscriptionService onRacingStore = serviceOn(racing);

        onRacingStore.recordSubscription(form("jane@example.org", "newsletter"), FORM, links);

        assertEquals(2, racing.saves);
        assertEquals(1, store.subscriberCount());
        assertEquals(SubscriberStatus.PENDING, storedOrFail("jane@example.org").status());
        assertEquals(1, mailer.sent().size(), "one confirmation, not one per attempt");

        racing.failNextSave();
        onRacingStore.confirm(RecordingMailer.token(mailer.lastLink(SubscriptionPaths.CONFIRM)), CLICK);

        assertEquals(SubscriberStatus.ACTIVE, storedOrFail("jane@example.org").status());
    }

    @Test
    void aConfirmationThatRacesAnUnsubscribeReadsAgainAndDoesNotRejoin() throws Exception {
        String token = subscribe("jane@example.org", "newsletter");
        String id = storedOrFail("jane@example.org").id();
        RacingStore racing = new RacingStore(store);
        // Another Lambda, on the same table, cancels the request between our read and our write.
        racing.beforeNextSave(() -> {
            try {
                service.unsubscribe(unsubscribeToken(id), CLICK);
            } catch (InvalidLinkException e) {
                throw new AssertionError(e);
            }
        });

        assertEquals(LinkProblem.GONE, problemWith(() -> serviceOn(racing).confirm(token, CLICK)));

        assertEquals(SubscriberStatus.UNSUBSCRIBED, storedOrFail("jane@example.org").status());
        assertEquals(Set.of(), listsSentTo(id));
    }

    @Test
    void aWriterThatKeepsLosingGivesUpInsteadOfLoopingForever() throws Exception {
        RacingStore racing = new RacingStore(store);
        racing.alwaysFail = true;

        assertThrows(ConcurrentChangeException.class,
                () -> serviceOn(racing).recordSubscription(form("jane@example.org", "newsletter"), FORM, links));
        assertTrue(racing.saves > 1 && racing.saves < 10, "retried a few times: " + racing.saves);
        assertEquals(0, mailer.sent().size());
    }

    /** The in-memory store, with a way to lose the race for the next write as a second writer would. */
    private static final class RacingStore implements SubscriberStore {
        private final InMemorySubscriberStore inner;
        private Runnable beforeNextSave;
        private boolean failNext;
        boolean alwaysFail;
        int saves;

        RacingStore(InMemorySubscriberStore inner) {
            this.inner = inner;
        }

        void failNextSave() {
            failNext = true;
        }

        void beforeNextSave(Runnable competingWrite) {
            beforeNextSave = competingWrite;
        }

        @Override
        public void save(Subscriber subscriber) {
            saves++;
            if (beforeNextSave != null) {
                Runnable competingWrite = beforeNextSave;
                beforeNextSave = null;
                competingWrite.run();
            }
            if (failNext || alwaysFail) {
                failNext = false;
                throw new ConcurrentChangeException("another writer got there first");
            }
            inner.save(subscriber);
        }

        @Override
        public Optional<AddressRecord> findAddress(String addressKey) {
            return inner.findAddress(addressKey);
        }

        @Override
        public boolean claimAddress(String addressKey, String subscriberId) {
            return inner.claimAddress(addressKey, subscriberId);
        }

        @Override
        public java.util.Map<String, AddressRecord> findAddresses(java.util.Collection<String> addressKeys) {
            return inner.findAddresses(addressKeys);
        }

        @Override
        public void createAll(List<Subscriber> subscribers) {
            inner.createAll(subscribers);
        }

        @Override
        public int countSoftBounce(String addressKey) {
            return inner.countSoftBounce(addressKey);
        }

        @Override
        public void suppressAddress(String addressKey, SubscriberStatus reason, Instant at) {
            inner.suppressAddress(addressKey, reason, at);
        }

        @Override
        public void clearSuppression(String addressKey) {
            inner.clearSuppression(addressKey);
        }

        @Override
        public Optional<Subscriber> findSubscriber(String subscriberId) {
            return inner.findSubscriber(subscriberId);
        }

        @Override
        public void delete(Subscriber subscriber) {
            inner.delete(subscriber);
        }

        @Override
        public void syncMemberships(Subscriber subscriber, Set<String> otherLists) {
            inner.syncMemberships(subscriber, otherLists);
        }

        @Override
        public MemberPage activeMembers(String listId, String cursor, int limit) {
            return inner.activeMembers(listId, cursor, limit);
        }
    }
}
