package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.common.EmailAddress;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.TokenSigner;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendWorkerTest {
    private static final String CAMPAIGN = "c-1";
    private static final Set<String> LISTS = Set.of("newsletter");

    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final Set<String> leftMeanwhile = new HashSet<>();
    private final Map<String, Integer> sendsTo = new java.util.concurrent.ConcurrentHashMap<>();
    private final MessageBuilder builder = new MessageBuilder(CAMPAIGN, "News", new EmailTemplate(
            "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>", "Unsubscribe: {{unsubscribe_url}}"),
            new SubscriptionLinks("https://api.example.org.uk",
                    new TokenSigner("a test secret that is long enough to sign".getBytes(StandardCharsets.UTF_8), TestOffice.clock())),
            "");

    /**
     * SES as a test wants it: each call's fate decided by a script (by the call's number, in the
     * order calls arrive), every accepted message counted; safe for many callers at once, each
     * call taking a moment so that those in flight overlap.
     */
    private final class ScriptedMailer implements CampaignMailer {
        private final java.util.concurrent.atomic.AtomicInteger callCount = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger mostActive = new java.util.concurrent.atomic.AtomicInteger();
        int throttleEvery;
        int pauseOnCall = -1;
        int crashOnCall = -1;
        long millisPerCall;
        final Set<String> rejected = new HashSet<>();

        @Override
        public String send(CampaignMessage message) throws MailThrottledException, SendingPausedException, MailRejectedException {
            int calls = callCount.incrementAndGet();
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                return answer(message, calls);
            } finally {
                active.decrementAndGet();
            }
        }

        private String answer(CampaignMessage message, int calls) throws MailThrottledException, SendingPausedException,
                MailRejectedException {
            if (millisPerCall > 0) {
                try {
                    Thread.sleep(millisPerCall);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (calls == pauseOnCall) {
                throw new SendingPausedException("Sending paused for this account");
            }
            if (throttleEvery > 0 && calls % throttleEvery == 0) {
                throw new MailThrottledException("Maximum sending rate exceeded");
            }
            String to = message.to().forDelivery();
            if (rejected.contains(to)) {
                throw new MailRejectedException("Address blacklisted");
            }
            sendsTo.merge(to, 1, Integer::sum);
            if (calls == crashOnCall) {
                // SES took it, then the connection broke before the answer arrived.
                throw new IllegalStateException("connection reset");
            }
            return "msg-" + calls;
        }
    }

    private static List<Recipient> recipients(int count) throws Exception {
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recipients.add(new Recipient("s" + i, EmailAddress.parse("person" + i + "@example.org")));
        }
        return recipients;
    }

    private SendWorker worker(CampaignMailer mailer) {
        return worker(mailer, 1);
    }

    private SendWorker worker(CampaignMailer mailer, int inFlight) {
        return new SendWorker(ledger, (id, lists) -> !leftMeanwhile.contains(id), mailer, TestOffice.clock(), inFlight);
    }

    @Test
    void aBatchDeliveredTwiceSendsEachPersonOnce() throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        List<Recipient> batch = recipients(10);

        BatchOutcome first = worker(mailer).send(CAMPAIGN, LISTS, builder, batch);
        BatchOutcome second = worker(mailer).send(CAMPAIGN, LISTS, builder, batch);

        assertEquals(10, first.ended().size());
        assertEquals(10, second.alreadyClaimed().size());
        assertTrue(sendsTo.values().stream().allMatch(n -> n == 1), sendsTo.toString());
    }

    @Test
    void aThrottleStopsTheBatchAndReleasesOnlyWhatWasNotSent() throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        mailer.throttleEvery = 4;
        BatchOutcome outcome = worker(mailer).send(CAMPAIGN, LISTS, builder, recipients(10));

        assertEquals(3, outcome.ended().size());
        assertEquals(7, outcome.retry().size());
        assertEquals(DeliveryState.RETRY, ledger.entry(CAMPAIGN, "s3").state());
        assertEquals(null, ledger.entry(CAMPAIGN, "s4"), "the rest were never claimed");
        assertTrue(!outcome.paused());
    }

    @Test
    void anUnexpectedFailureLeavesTheClaimAsUnknownAndIsNeverResentOnAGuess() throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        mailer.crashOnCall = 2;
        List<Recipient> batch = recipients(5);
        BatchOutcome outcome = worker(mailer).send(CAMPAIGN, LISTS, builder, batch);

        assertEquals(List.of(batch.get(1)), outcome.unknown());
        assertEquals(3, outcome.retry().size());
        assertEquals(DeliveryState.CLAIMED, ledger.entry(CAMPAIGN, "s1").state());
        worker(mailer).send(CAMPAIGN, LISTS, builder, batch);
        assertEquals(1, sendsTo.get("person1@example.org"), "the redelivered batch skips the unknown one");
    }

    /**
     * The fault drill of issue 4 in miniature: every batch delivered twice, a third of sends
     * throttled, a pause, one crash after SES accepted, a rejected address and someone who left
     * meanwhile. The queue redelivers until nothing is left to retry.
     */
    @Test
    void underEveryFaultEachPersonEndsInExactlyOneStateAndNobodyGetsTwo() throws Exception {
        faultDrill(1, 60, 10);
    }

    /**
     * The same drill with a worker keeping 16 recipients in flight, over batches of 50 as fan-out
     * makes them: the throttles, the pause and the crash arrive while others are between their
     * claim and their mark.
     */
    @Test
    void underEveryFaultWithManyInFlightEachPersonEndsInExactlyOneStateAndNobodyGetsTwo() throws Exception {
        faultDrill(16, 300, 50);
    }

    private void faultDrill(int inFlight, int people, int batchSize) throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        mailer.throttleEvery = 3;
        mailer.pauseOnCall = 20;
        mailer.crashOnCall = 31;
        mailer.millisPerCall = inFlight > 1 ? 2 : 0;
        mailer.rejected.add("person7@example.org");
        leftMeanwhile.add("s11");
        List<Recipient> everyone = recipients(people);
        Deque<List<Recipient>> queue = new ArrayDeque<>();
        for (int from = 0; from < everyone.size(); from += batchSize) {
            List<Recipient> batch = everyone.subList(from, from + batchSize);
            queue.add(batch);
            queue.add(batch);
        }
        int rounds = 0;
        while (!queue.isEmpty() && rounds++ < 5_000) {
            BatchOutcome outcome = worker(mailer, inFlight).send(CAMPAIGN, LISTS, builder, queue.poll());
            if (!outcome.retry().isEmpty()) {
                queue.add(List.copyOf(outcome.retry()));
            }
        }

        Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
        for (Recipient recipient : everyone) {
            counts.merge(ledger.entry(CAMPAIGN, recipient.subscriberId()).state(), 1, Integer::sum);
        }
        System.out.println("fault drill, " + people + " recipients, " + inFlight + " in flight: " + counts + ", SES calls "
                + mailer.callCount.get());
        assertTrue(queue.isEmpty(), "everything settled");
        assertEquals(Map.of(DeliveryState.SENT, people - 3, DeliveryState.SUPPRESSED, 1, DeliveryState.FAILED, 1, DeliveryState.CLAIMED, 1),
                counts, "sent, suppressed, failed with a reason, and one unknown outcome");
        assertTrue(sendsTo.values().stream().allMatch(n -> n == 1), "no duplicates: " + sendsTo);
        assertEquals(people - 2, sendsTo.size(), "everyone SES accepted, the unknown one included, exactly once");
        assertEquals("Address blacklisted", ledger.entry(CAMPAIGN, "s7").detail());
        assertTrue(inFlight == 1 || mailer.mostActive.get() >= inFlight / 2, "many at SES at once: " + mailer.mostActive.get());
    }

    @Test
    void nearTheEndOfItsTimeAWorkerHandsTheRestBackUnclaimed() throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        int[] checks = {0};
        BatchOutcome outcome = worker(mailer).send(CAMPAIGN, LISTS, builder, recipients(10), () -> checks[0]++ < 4);

        assertEquals(4, outcome.ended().size());
        assertEquals(6, outcome.retry().size());
        assertEquals(null, ledger.entry(CAMPAIGN, "s4"), "not claimed: free for the next try");
    }

    /** The ledger, unreachable for one person's claim: as DynamoDB might be, for a moment. */
    private final class LedgerFailingToClaim implements DeliveryLedger {
        private final String failsFor;

        LedgerFailingToClaim(String failsFor) {
            this.failsFor = failsFor;
        }

        @Override
        public boolean claim(String campaignId, String subscriberId, java.time.Instant at) {
            if (subscriberId.equals(failsFor)) {
                throw new IllegalStateException("the ledger could not be reached");
            }
            return ledger.claim(campaignId, subscriberId, at);
        }

        @Override
        public List<String> unknownOutcomes(String campaignId) {
            return ledger.unknownOutcomes(campaignId);
        }

        @Override
        public List<String> unknownOutcomes(String campaignId, java.time.Instant claimedBefore) {
            return ledger.unknownOutcomes(campaignId, claimedBefore);
        }

        @Override
        public void mark(String campaignId, String subscriberId, DeliveryState state, String detail, java.time.Instant at) {
            ledger.mark(campaignId, subscriberId, state, detail, at);
        }
    }

    @Test
    void aLedgerFailureFailsTheBatchWithWhatTheOthersInFlightDidCounted() throws Exception {
        ScriptedMailer mailer = new ScriptedMailer();
        mailer.millisPerCall = 2;
        List<Recipient> batch = recipients(50);
        SendWorker worker = new SendWorker(new LedgerFailingToClaim("s20"), (id, lists) -> true, mailer, TestOffice.clock(), 8);

        SendBatchFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(SendBatchFailedException.class,
                () -> worker.send(CAMPAIGN, LISTS, builder, batch));

        BatchOutcome partial = failed.partial();
        assertEquals(List.of(), partial.unknown());
        assertTrue(partial.retry().contains(batch.get(20)), "not claimed: tried again when the batch comes back");
        assertEquals(50, partial.ended().size() + partial.retry().size(), "everyone accounted for once");
        assertTrue(partial.ended().size() >= 20, "those finished before it, and those in flight with it, are counted: "
                + partial.ended().size());
        for (Recipient recipient : partial.retry()) {
            assertEquals(null, ledger.entry(CAMPAIGN, recipient.subscriberId()), "handed back unclaimed: " + recipient.subscriberId());
        }
        assertTrue(sendsTo.values().stream().allMatch(n -> n == 1));
    }
}
