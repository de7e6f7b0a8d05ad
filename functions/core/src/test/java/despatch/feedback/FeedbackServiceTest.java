package despatch.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.subscription.AddressKey;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.InMemorySubscriberStore;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.Suppressions;
import despatch.testing.TestOffice;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedbackServiceTest {
    private final InMemorySubscriberStore store = new InMemorySubscriberStore();
    private final FeedbackService feedback = new FeedbackService(new Suppressions(TestOffice.office(), store, TestOffice.clock()), store, 3, null);

    private Subscriber active(String email) throws Exception {
        Subscriber subscriber = new Subscriber("id-" + email.hashCode(), EmailAddress.stored(email), "", "", SubscriberStatus.ACTIVE,
                Set.of("newsletter", "press"), Set.of(), null, List.of(new ConsentRecord(TestOffice.NOW, ConsentAction.IMPORTED,
                        Set.of("newsletter", "press"), "", ConsentSource.IMPORT, "", "", "test")), TestOffice.NOW, TestOffice.NOW, 1);
        store.claimAddress(subscriber.addressKey(), subscriber.id());
        store.createAll(List.of(subscriber));
        return subscriber;
    }

    @Test
    void aHardBounceSuppressesTheAddressAndTakesItOffEveryList() throws Exception {
        Subscriber jane = active("jane@example.org");
        FeedbackService.Result result = feedback.handle(new MailFeedback.Bounce(true, List.of("Jane@Example.org")));

        assertEquals(1, result.suppressed());
        Subscriber after = store.findSubscriber(jane.id()).orElseThrow();
        assertEquals(SubscriberStatus.BOUNCED, after.status());
        assertEquals(Set.of(), store.listsOf(jane.id()), "no list sends to it any more");
        assertEquals(ConsentAction.SUPPRESSED, after.consents().getLast().action());
        assertEquals(Optional.of(SubscriberStatus.BOUNCED), store.findAddress(AddressKey.of(jane.address())).orElseThrow().suppression());
    }

    @Test
    void aBounceForAnAddressTakenBeforeFormulasWereRefusedStillSuppressesIt() throws Exception {
        Subscriber legacy = active("=1+1@example.org");
        feedback.handle(new MailFeedback.Bounce(true, List.of("=1+1@example.org")));
        assertEquals(SubscriberStatus.BOUNCED, store.findSubscriber(legacy.id()).orElseThrow().status());
    }

    @Test
    void aComplaintSuppressesAtOnce() throws Exception {
        Subscriber sam = active("sam@example.org");
        feedback.handle(new MailFeedback.Complaint(List.of("sam@example.org")));
        assertEquals(SubscriberStatus.COMPLAINED, store.findSubscriber(sam.id()).orElseThrow().status());
    }

    @Test
    void softBouncesAreCountedAndSuppressOnlyAtTheLimit() throws Exception {
        Subscriber full = active("full@example.org");
        feedback.handle(new MailFeedback.Bounce(false, List.of("full@example.org")));
        FeedbackService.Result second = feedback.handle(new MailFeedback.Bounce(false, List.of("full@example.org")));
        assertEquals(1, second.softBouncesCounted());
        assertEquals(SubscriberStatus.ACTIVE, store.findSubscriber(full.id()).orElseThrow().status());

        feedback.handle(new MailFeedback.Bounce(false, List.of("full@example.org")));
        assertEquals(SubscriberStatus.BOUNCED, store.findSubscriber(full.id()).orElseThrow().status());
    }

    @Test
    void anAddressNobodyHasIsStillSuppressedAndAnUnreadableOneCounted() {
        FeedbackService.Result result = feedback.handle(new MailFeedback.Complaint(List.of("stranger@example.org", "not an address")));
        assertEquals(1, result.suppressed());
        assertEquals(1, result.unknownAddresses());
    }

    @Test
    void sesEventsAreReadFromEitherFormAndOtherKindsIgnored() {
        assertInstanceOf(MailFeedback.Bounce.class, SesFeedbackParser.parse(
                "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bouncedRecipients\":[{\"emailAddress\":\"a@b.org\"}]}}"));
        assertTrue(SesFeedbackParser.parse("{\"eventType\":\"Open\"}") instanceof MailFeedback.Other);
        assertThrows(IllegalArgumentException.class, () -> SesFeedbackParser.parse("not json"));
    }

    @Test
    void withTrackingOnDeliveriesOpensAndClicksAreCountedPerCampaignAndOffNothingIs() {
        java.util.List<String> counted = new java.util.ArrayList<>();
        FeedbackService tracking = new FeedbackService(new Suppressions(TestOffice.office(), store, TestOffice.clock()), store, 3,
                (campaign, type) -> counted.add(campaign + ":" + type));
        MailFeedback open = SesFeedbackParser.parse("{\"eventType\":\"Open\",\"mail\":{\"tags\":{\"campaign\":[\"c-fete\"]}}}");

        tracking.handle(open);
        feedback.handle(open);

        assertEquals(List.of("c-fete:Open"), counted);
    }

    @Test
    void eachDaysBouncesAndComplaintsAreCountedForTheConsole() throws Exception {
        InMemoryFeedbackTally tally = new InMemoryFeedbackTally();
        FeedbackService counting = new FeedbackService(new Suppressions(TestOffice.office(), store, TestOffice.clock()), store, 3, null,
                tally, TestOffice.clock());
        active("jane@example.org");
        counting.handle(new MailFeedback.Bounce(false, List.of("jane@example.org", "nobody@example.org")));
        counting.handle(new MailFeedback.Complaint(List.of("jane@example.org")));
        java.time.LocalDate today = java.time.LocalDate.ofInstant(TestOffice.NOW, java.time.ZoneOffset.UTC);
        assertEquals(new FeedbackTally.Totals(2, 1), tally.since(today));
        assertEquals(new FeedbackTally.Totals(0, 0), tally.since(today.plusDays(1)));
    }
}
