package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.InMemorySubscriberStore;
import despatch.subscription.MutableClock;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.testing.TestOffice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The campaign use cases together, as the functions drive them: lifecycle, fan-out, outcomes, staff actions. */
class CampaignUseCasesTest {
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
    private final List<SendBatch> queue = new ArrayList<>();
    private final List<String> fanOutRequests = new ArrayList<>();
    private final List<String> scheduled = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    private final List<String> laterRequests = new ArrayList<>();
    private final FanOutRequests requests = new FanOutRequests() {
        @Override
        public void request(String campaignId) {
            fanOutRequests.add(campaignId);
        }

        @Override
        public void requestLater(String campaignId, java.time.Duration delay, int idleLooks) {
            laterRequests.add(campaignId + " after " + delay + ", " + idleLooks + " idle");
        }
    };
    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final SendQueue sendQueue = new SendQueue() {
        @Override
        public void enqueue(List<SendBatch> batches) {
            queue.addAll(batches);
        }

        @Override
        public void enqueueLater(SendBatch batch, java.time.Duration delay) {
            queue.add(batch);
        }
    };
    private final CampaignScheduler scheduler = new CampaignScheduler() {
        @Override
        public void scheduleStart(String campaignId, java.time.Instant at) {
            scheduled.add(campaignId + "@" + at);
        }

        @Override
        public void scheduleFanOut(String campaignId, java.time.Instant at) {
            scheduled.add(campaignId + " goes on @" + at);
        }
    };
    private final CampaignLifecycle lifecycle = new CampaignLifecycle(TestOffice.office(), campaigns, requests, scheduler,
            released::add, new StartDecision(java.time.Duration.ofMinutes(30)), clock);
    private final List<String> finished = new ArrayList<>();
    private final CampaignFinished tell = campaign -> finished.add(campaign.id() + " " + campaign.status() + " " + campaign.counts().sent());
    private final FanOut fanOut = new FanOut(campaigns, subscribers, sendQueue, requests, clock, tell);
    private final CampaignOutcomes outcomes = new CampaignOutcomes(campaigns, clock, tell);
    private final StaffCampaignActions staff = new StaffCampaignActions(campaigns, subscribers, sendQueue, requests,
            released::add, clock);

    private void subscribers(int count, Set<String> lists) throws Exception {
        List<Subscriber> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new Subscriber(lists.size() + "-" + String.join("", lists) + "-" + i, EmailAddress.parse("p" + i + "." + lists.size()
                    + String.join("", lists) + "@example.org"), "", "", SubscriberStatus.ACTIVE, lists, Set.of(), null,
                    List.of(new ConsentRecord(TestOffice.NOW, ConsentAction.IMPORTED, lists, "", ConsentSource.IMPORT, "", "", "test")),
                    TestOffice.NOW, TestOffice.NOW, 1));
        }
        subscribers.createAll(people);
    }

    private Map<String, Integer> enqueuedPerPerson() {
        Map<String, Integer> times = new HashMap<>();
        queue.forEach(batch -> batch.recipients().forEach(r -> times.merge(r.subscriberId(), 1, Integer::sum)));
        return times;
    }

    @Test
    void aPublishedArticleGetsOneCampaignAndACorrectionNone() {
        assertTrue(lifecycle.startFor("bus-route", "Bus route saved", Set.of("newsletter"), null).isPresent());
        assertTrue(lifecycle.startFor("bus-route", "Bus route saved (corrected)", Set.of("newsletter"), null).isEmpty());
        assertEquals(Set.of("c-bus-route"), new HashSet<>(fanOutRequests), "only ever the one campaign (asking again is harmless)");
        assertTrue(lifecycle.startFor("no-lists", "Web only", Set.of(), null).isEmpty());
    }

    @Test
    void pastTheDailyQuotaWhatFitsIsEnqueuedAndTheRestGoesOnByItselfWhenTheQuotaFreesUp() throws Exception {
        subscribers(1_600, Set.of("newsletter"));
        InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
        FanOut limited = new FanOut(campaigns, subscribers, sendQueue, requests, clock, tell,
                limits(new SendQuota(14, 700, 0), ledger));
        Campaign campaign = lifecycle.startFor("big-news", "Big news", Set.of("newsletter"), null).orElseThrow();

        assertEquals(FanOut.Result.WAITING_FOR_QUOTA, limited.fanOut(campaign.id(), () -> true));
        java.time.Instant until = DailyQuota.slotOf(clock.instant()).plus(DailyQuota.COUNTED);
        Campaign waiting = campaigns.find(campaign.id()).orElseThrow();
        assertEquals(new QuotaWait(until, 700), waiting.quotaWait());
        assertEquals(CampaignStatus.SENDING, waiting.status());
        assertEquals(700, waiting.counts().enqueued());
        assertEquals(700, enqueuedRecipients().size(), "a whole page of 500 and 200 of the next: what the day allows");
        java.time.Instant inAnHour = clock.instant().plus(java.time.Duration.ofHours(1));
        assertEquals(List.of("c-big-news goes on @" + inAnHour), scheduled, "it looks again within the hour, in case the quota is raised");

        sendEverythingQueued();
        clock.advance(java.time.Duration.ofHours(1));
        assertEquals(FanOut.Result.WAITING_FOR_QUOTA, limited.fanOut(campaign.id(), () -> true), "the hourly look: no room yet");
        assertEquals(700, enqueuedRecipients().size(), "sends nothing more");
        assertEquals(until, campaigns.find(campaign.id()).orElseThrow().quotaWait().until(), "and still says when it will go on");

        clock.advance(java.time.Duration.between(clock.instant(), until));
        assertEquals(FanOut.Result.WAITING_FOR_QUOTA, limited.fanOut(campaign.id(), () -> true), "the next day: 700 more");
        sendEverythingQueued();
        clock.advance(java.time.Duration.ofHours(25));
        assertEquals(FanOut.Result.DONE, limited.fanOut(campaign.id(), () -> true), "the day after: the last 200");

        List<String> everyone = enqueuedRecipients();
        assertEquals(1_600, everyone.size());
        assertEquals(1_600, new HashSet<>(everyone).size(), "each subscriber enqueued once, none skipped at the cuts");
        assertTrue(queue.stream().allMatch(batch -> batch.quotaSlot() != null), "every batch says where it was counted");
        assertNull(campaigns.find(campaign.id()).orElseThrow().quotaWait(), "no longer waiting");
        assertEquals(200, ledger.reserved(), "the first two days' reservations have left the 24 hours");
    }

    /** What the send workers would do with every batch queued and not yet taken: sent, each counted. */
    private List<String> sendEverythingQueued() {
        List<String> sent = new ArrayList<>();
        while (taken < queue.size()) {
            SendBatch batch = queue.get(taken++);
            Map<String, DeliveryState> ended = new HashMap<>();
            batch.recipients().forEach(r -> ended.put(r.subscriberId(), DeliveryState.SENT));
            outcomes.record(batch.campaignId(), new BatchOutcome(ended, List.of(), List.of(), List.of(), false));
            batch.recipients().forEach(r -> sent.add(batch.campaignId()));
        }
        return sent;
    }

    private int taken;

    @Test
    void twoCampaignsAtOnceShareTheQueueRatherThanOneWaitingForTheWholeOfTheOther() throws Exception {
        subscribers(2_500, Set.of("newsletter"));
        FanOut sharing = new FanOut(campaigns, subscribers, sendQueue, requests, clock, tell,
                limits(new SendQuota(14, -1, 0), new InMemoryQuotaLedger()));
        String first = lifecycle.startFor("first", "First", Set.of("newsletter"), null).orElseThrow().id();
        String second = lifecycle.startFor("second", "Second", Set.of("newsletter"), null).orElseThrow().id();

        assertEquals(FanOut.Result.TOPPED_UP, sharing.fanOut(first, () -> true));
        assertEquals(FanOut.Result.TOPPED_UP, sharing.fanOut(second, () -> true));
        assertEquals(FanOut.Result.AHEAD, sharing.fanOut(second, () -> true), "the workers have taken nothing yet");
        long ahead = FanOut.LEAST_AHEAD + 2 * FanOut.MESSAGES_A_WORKER_TAKES * FanOut.BATCH;
        assertEquals(2 * ahead, enqueuedRecipients().size(), "each a minute of sending ahead and what two workers hold, no more");
        List<String> sendOrder = new ArrayList<>();
        while (sharing.fanOut(first, () -> true) != FanOut.Result.DONE | sharing.fanOut(second, () -> true) != FanOut.Result.DONE) {
            sendOrder.addAll(sendEverythingQueued());
        }
        sendOrder.addAll(sendEverythingQueued());

        assertEquals(ahead, sendOrder.indexOf(second), "the second waits behind a minute of the first's sending, not all of it");
        assertEquals(2_500, sendOrder.stream().filter(first::equals).count());
        assertEquals(2_500, sendOrder.stream().filter(second::equals).count());
        assertTrue(sendOrder.subList(0, 4_000).stream().filter(second::equals).count() >= 1_500,
                "they take turns: the second is not left to the end");
        assertEquals(CampaignStatus.SENT, campaigns.find(first).orElseThrow().status());
        assertEquals(CampaignStatus.SENT, campaigns.find(second).orElseThrow().status());

        sharing.lookAgainLater(first, FanOut.Result.TOPPED_UP, 3);
        sharing.lookAgainLater(first, FanOut.Result.AHEAD, 0);
        sharing.lookAgainLater(first, FanOut.Result.AHEAD, 1);
        sharing.lookAgainLater(first, FanOut.Result.AHEAD, 9);
        assertEquals(List.of(first + " after PT20S, 0 idle", first + " after PT40S, 1 idle", first + " after PT1M20S, 2 idle",
                first + " after PT15M, 10 idle"), laterRequests, "a stalled campaign's fan-out looks less and less often");
    }

    private SendingLimits limits(SendQuota account, InMemoryQuotaLedger ledger) {
        return new SendingLimits(new DailyQuota(() -> account, ledger, clock), new SendRate(() -> account, 0, 2, clock), scheduler);
    }

    private List<String> enqueuedRecipients() {
        return queue.stream().flatMap(batch -> batch.recipients().stream()).map(Recipient::subscriberId).toList();
    }

    @Test
    void anEmbargoedCampaignIsScheduledAndNotFannedOut() {
        Campaign campaign = lifecycle.startFor("school", "New school", Set.of("press"), TestOffice.NOW.plusSeconds(3600)).orElseThrow();
        assertEquals(CampaignStatus.SCHEDULED, campaign.status());
        assertTrue(fanOutRequests.isEmpty());
        assertEquals(List.of("c-school@" + TestOffice.NOW.plusSeconds(3600)), scheduled, "a one-time schedule at the embargo");
        assertEquals(FanOut.Result.NOT_SENDING, fanOut.fanOut(campaign.id(), () -> true));
    }

    @Test
    void aCorrectionThatMovesTheEmbargoLaterMovesTheStartAndTheOldScheduleDoesNothing() {
        java.time.Instant first = TestOffice.NOW.plusSeconds(3600);
        java.time.Instant later = TestOffice.NOW.plusSeconds(7200);
        Campaign campaign = lifecycle.startFor("school", "New school", Set.of("press"), first).orElseThrow();

        lifecycle.startFor("school", "New school", Set.of("press"), later);

        assertEquals(later, campaigns.find(campaign.id()).orElseThrow().scheduledFor());
        assertEquals(List.of("c-school@" + first, "c-school@" + later), scheduled);
        clock.advance(java.time.Duration.ofSeconds(3600));
        assertEquals(CampaignStatus.SCHEDULED, lifecycle.startScheduled(campaign.id()), "the old schedule fires: still embargoed");
        assertTrue(released.isEmpty(), "nothing on the site before the new embargo");
        clock.advance(java.time.Duration.ofSeconds(3600));
        assertEquals(CampaignStatus.SENDING, lifecycle.startScheduled(campaign.id()));
        assertEquals(List.of("school"), released);
    }

    @Test
    void aCorrectionThatDropsTheEmbargoSendsNow() {
        Campaign campaign = lifecycle.startFor("school", "New school", Set.of("press"), TestOffice.NOW.plusSeconds(3600)).orElseThrow();

        lifecycle.startFor("school", "New school", Set.of("press"), null);

        assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of(campaign.id()), fanOutRequests);
    }

    @Test
    void anEmbargoedArticleForTheWebOnlyIsStillReleasedAtItsTime() {
        Campaign campaign = lifecycle.startFor("web-only", "Web only", Set.of(), TestOffice.NOW.plusSeconds(60)).orElseThrow();
        clock.advance(java.time.Duration.ofSeconds(60));

        assertEquals(CampaignStatus.SENDING, lifecycle.startScheduled(campaign.id()));
        assertEquals(FanOut.Result.DONE, fanOut.fanOut(campaign.id(), () -> true));

        assertEquals(List.of("web-only"), released);
        assertEquals(CampaignStatus.SENT, campaigns.find(campaign.id()).orElseThrow().status(), "nobody to send to");
    }

    @Test
    void atTheEmbargoThePageIsReleasedAndSendingStartsButNeverEarly() {
        Campaign campaign = lifecycle.startFor("school", "New school", Set.of("press"), TestOffice.NOW.plusSeconds(3600)).orElseThrow();
        assertEquals(CampaignStatus.SCHEDULED, lifecycle.startScheduled(campaign.id()), "an early start does nothing");
        assertTrue(released.isEmpty());

        clock.advance(java.time.Duration.ofSeconds(3600));
        assertEquals(CampaignStatus.SENDING, lifecycle.startScheduled(campaign.id()));
        assertEquals(List.of("school"), released);
    }

    @Test
    void aStartHoursLateIsHeldForStaffWhoStartItThemselves() {
        Campaign campaign = lifecycle.startFor("late", "Late", Set.of("press"), TestOffice.NOW.plusSeconds(60)).orElseThrow();
        clock.advance(java.time.Duration.ofHours(5));

        assertEquals(CampaignStatus.HELD, lifecycle.startScheduled(campaign.id()));
        assertTrue(released.isEmpty() && fanOutRequests.isEmpty(), "nothing goes out by itself");
        assertTrue(staff.startNow(campaign.id()));
        assertEquals(List.of("late"), released);
        assertEquals(List.of(campaign.id()), fanOutRequests);
    }

    @Test
    void fanOutEnqueuesEveryoneOnTheListsOnceInBatchesAndResumesFromItsCursor() throws Exception {
        subscribers(700, Set.of("newsletter"));
        subscribers(300, Set.of("press"));
        subscribers(250, Set.of("newsletter", "press"));
        Campaign campaign = lifecycle.startFor("budget", "Budget", Set.of("press", "newsletter"), null).orElseThrow();

        AtomicInteger pages = new AtomicInteger();
        assertEquals(FanOut.Result.CONTINUE, fanOut.fanOut(campaign.id(), () -> pages.getAndIncrement() < 1));
        assertEquals(FanOut.Result.DONE, fanOut.fanOut(campaign.id(), () -> true));

        Map<String, Integer> times = enqueuedPerPerson();
        assertEquals(1250, times.size());
        assertTrue(times.values().stream().allMatch(n -> n == 1), "someone on both lists is enqueued once");
        assertTrue(queue.stream().allMatch(batch -> batch.recipients().size() <= FanOut.BATCH));
        assertEquals(1250, campaigns.find(campaign.id()).orElseThrow().counts().enqueued());
        assertEquals(List.of("newsletter", "press"), campaigns.find(campaign.id()).orElseThrow().lists(), "the office's order");
    }

    @Test
    void theCampaignIsSentWhenEveryEnqueuedRecipientHasAnOutcome() throws Exception {
        subscribers(60, Set.of("newsletter"));
        Campaign campaign = lifecycle.startFor("fete", "Summer fete", Set.of("newsletter"), null).orElseThrow();
        fanOut.fanOut(campaign.id(), () -> true);
        for (SendBatch batch : queue) {
            Map<String, DeliveryState> ended = new HashMap<>();
            batch.recipients().forEach(r -> ended.put(r.subscriberId(), DeliveryState.SENT));
            assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status());
            outcomes.record(campaign.id(), new BatchOutcome(ended, List.of(), List.of(), List.of(), false));
        }
        Campaign done = campaigns.find(campaign.id()).orElseThrow();
        assertEquals(CampaignStatus.SENT, done.status());
        assertEquals(60, done.counts().sent());
        assertEquals(List.of("c-fete SENT 60"), finished, "told once, with the final counts");
        outcomes.record(campaign.id(), new BatchOutcome(Map.of(), List.of(), List.of(), List.of(), false));
        assertEquals(1, finished.size(), "a late batch does not tell it again");
    }

    @Test
    void aPauseFromSesPausesTheCampaignAndItsBatchesWait() throws Exception {
        subscribers(10, Set.of("newsletter"));
        Campaign campaign = lifecycle.startFor("paused", "Paused", Set.of("newsletter"), null).orElseThrow();
        fanOut.fanOut(campaign.id(), () -> true);
        outcomes.record(campaign.id(), new BatchOutcome(Map.of(), List.of(), List.of(), queue.get(0).recipients(), true));

        assertEquals(CampaignStatus.PAUSED, campaigns.find(campaign.id()).orElseThrow().status());
        BatchSender sender = new BatchSender(slug -> new CampaignEmails.StoredEmail("s", "{{unsubscribe_url}}", "{{unsubscribe_url}}"),
                outcomes, null, null, "");
        assertEquals(new HashSet<>(queue.get(0).recipients()), new HashSet<>(sender.send(queue.get(0)).retry()), "all of it, later");
    }

    @Test
    void whatFanOutCountedAndSesNeverTookIsGivenBackToTheDailyQuota() throws Exception {
        Campaign campaign = fannedOutToAHundred("given-back");
        assertEquals(100, thousandADay.reserved(), "fan-out counted everyone it enqueued");

        List<String> everyone = enqueuedRecipients();
        Set<String> leftTheList = new HashSet<>(everyone.subList(0, 10));
        Set<String> refusedBySes = new HashSet<>(everyone.subList(10, 15));
        CampaignMailer ses = message -> {
            if (refusedBySes.stream().anyMatch(id -> message.to().forDelivery().equals(addressOf(id)))) {
                throw new MailRejectedException("Address blacklisted.");
            }
            return "message-id";
        };
        SendWorker worker = new SendWorker(new InMemoryDeliveryLedger(), (id, lists) -> !leftTheList.contains(id), ses, clock);
        BatchSender sender = new BatchSender(slug -> new CampaignEmails.StoredEmail("Given back", "{{unsubscribe_url}}", "{{unsubscribe_url}}"),
                outcomes, worker, links(), "", limits.quota());
        queue.forEach(sender::send);

        assertEquals(85, thousandADay.reserved(), "the 10 suppressed and the 5 SES refused count no more; the 85 sent do");
        assertEquals(85, campaigns.find(campaign.id()).orElseThrow().counts().sent());
    }

    @Test
    void aCancelledCampaignsQueuedBatchesGiveBackWhatFanOutCounted() throws Exception {
        Campaign campaign = fannedOutToAHundred("called-off");
        assertTrue(staff.cancel(campaign.id()));

        BatchSender sender = new BatchSender(slug -> new CampaignEmails.StoredEmail("s", "{{unsubscribe_url}}", "{{unsubscribe_url}}"),
                outcomes, null, null, "", limits.quota());
        queue.forEach(sender::send);

        assertEquals(0, thousandADay.reserved(), "none of them will be sent: the day's quota is free for other campaigns");
    }

    @Test
    void aPageWhoseSaveLosesARaceGivesBackWhatItCountedBeforeItIsCountedAgain() throws Exception {
        subscribers(300, Set.of("newsletter"));
        InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
        Campaign campaign = lifecycle.startFor("raced", "Raced", Set.of("newsletter"), null).orElseThrow();
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        CampaignStore losesOnce = new ForwardingCampaignStore(campaigns) {
            @Override
            public void save(Campaign changed) {
                if (!lost.getAndSet(true)) {
                    throw new despatch.common.ConcurrentChangeException("another fan-out saved first");
                }
                super.save(changed);
            }
        };
        new FanOut(losesOnce, subscribers, sendQueue, requests, clock, tell, limits(new SendQuota(1_000, 1_000, 0), ledger))
                .fanOut(campaign.id(), () -> true);

        assertEquals(600, enqueuedRecipients().size(), "the page went on the queue twice (the claims stop a second copy)");
        assertEquals(300, ledger.reserved(), "but is counted against the day once");
    }

    private final InMemoryQuotaLedger thousandADay = new InMemoryQuotaLedger();
    private final SendingLimits limits = limits(new SendQuota(1_000, 1_000, 0), thousandADay);

    /** A campaign to 100 subscribers, paged onto the queue and counted against a daily quota of 1,000. */
    private Campaign fannedOutToAHundred(String slug) throws Exception {
        subscribers(100, Set.of("newsletter"));
        Campaign campaign = lifecycle.startFor(slug, slug, Set.of("newsletter"), null).orElseThrow();
        new FanOut(campaigns, subscribers, sendQueue, requests, clock, tell, limits).fanOut(campaign.id(), () -> true);
        return campaign;
    }

    private String addressOf(String subscriberId) {
        return subscribers.findSubscriber(subscriberId).orElseThrow().address().forDelivery();
    }

    private static despatch.subscription.SubscriptionLinks links() {
        return new despatch.subscription.SubscriptionLinks("https://api.example.org.uk", new despatch.subscription.TokenSigner(
                "a test secret that is long enough to sign".getBytes(java.nio.charset.StandardCharsets.UTF_8), TestOffice.clock()));
    }

    @Test
    void aPausedCampaignsBatchGoesBackOnTheQueueWholeWithTheLongestDelay() throws Exception {
        subscribers(4, Set.of("newsletter"));
        Campaign campaign = lifecycle.startFor("waits", "Waits", Set.of("newsletter"), null).orElseThrow();
        fanOut.fanOut(campaign.id(), () -> true);
        SendBatch batch = queue.remove(0);
        outcomes.record(campaign.id(), new BatchOutcome(Map.of(), List.of(), List.of(), batch.recipients(), true));
        List<java.time.Duration> delays = new ArrayList<>();
        SendQueue delayed = new SendQueue() {
            @Override
            public void enqueue(List<SendBatch> batches) {
                throw new AssertionError("a retry is one delayed message");
            }

            @Override
            public void enqueueLater(SendBatch later, java.time.Duration delay) {
                queue.add(later);
                delays.add(delay);
            }
        };
        RetryDelay retryDelay = new RetryDelay(java.time.Duration.ofSeconds(15), java.time.Duration.ofMinutes(15));
        SendQueueConsumer consumer = new SendQueueConsumer(new BatchSender(
                slug -> new CampaignEmails.StoredEmail("s", "{{unsubscribe_url}}", "{{unsubscribe_url}}"), outcomes, null, null, ""),
                delayed, retryDelay);

        consumer.consume(batch, () -> true);

        assertEquals(List.of(java.time.Duration.ofMinutes(15)), delays, "a paused campaign waits for staff: the longest wait");
        SendBatch requeued = queue.get(queue.size() - 1);
        assertEquals(new HashSet<>(batch.recipients()), new HashSet<>(requeued.recipients()));
        assertEquals(batch.attempt() + 1, requeued.attempt());
    }

    @Test
    void staffSeeUnknownOutcomesAndCanResendThemOrCancel() throws Exception {
        subscribers(3, Set.of("newsletter"));
        Campaign campaign = lifecycle.startFor("gala", "Gala", Set.of("newsletter"), null).orElseThrow();
        fanOut.fanOut(campaign.id(), () -> true);
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
        List<Recipient> people = queue.get(0).recipients();
        people.forEach(p -> ledger.claim(campaign.id(), p.subscriberId(), TestOffice.NOW));
        ledger.mark(campaign.id(), people.get(0).subscriberId(), DeliveryState.SENT, "m1", TestOffice.NOW);
        ledger.mark(campaign.id(), people.get(1).subscriberId(), DeliveryState.SENT, "m2", TestOffice.NOW);
        outcomes.record(campaign.id(), new BatchOutcome(Map.of(people.get(0).subscriberId(), DeliveryState.SENT,
                people.get(1).subscriberId(), DeliveryState.SENT), List.of(), List.of(people.get(2)), List.of(), false));
        assertEquals(CampaignStatus.SENT, campaigns.find(campaign.id()).orElseThrow().status(), "everyone accounted for");
        assertEquals(List.of(people.get(2).subscriberId()), ledger.unknownOutcomes(campaign.id()));

        queue.clear();
        assertEquals(0, staff.resendUnknown(campaign.id(), ledger), "a claim this young may still be in flight");
        clock.advance(java.time.Duration.ofMinutes(11));
        assertEquals(1, staff.resendUnknown(campaign.id(), ledger));
        assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of(people.get(2)), queue.get(0).recipients());
        assertTrue(ledger.claim(campaign.id(), people.get(2).subscriberId(), TestOffice.NOW), "released for one more try");

        assertTrue(staff.cancel(campaign.id()));
        assertEquals(CampaignStatus.CANCELLED, campaigns.find(campaign.id()).orElseThrow().status());
        assertTrue(!staff.cancel(campaign.id()), "already over");
    }

    @Test
    void aCampaignToListsWithNobodyOnThemIsSentOnceFanOutIsDone() {
        Campaign campaign = lifecycle.startFor("quiet", "Quiet", Set.of("press"), null).orElseThrow();
        assertEquals(FanOut.Result.DONE, fanOut.fanOut(campaign.id(), () -> true));
        assertEquals(CampaignStatus.SENT, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of("c-quiet SENT 0"), finished, "fan-out finished it, and tells");
    }

    @Test
    void whenEveryBatchEndsBeforeFanOutSavesItsLastPageFanOutFinishesTheCampaignAndTells() throws Exception {
        subscribers(60, Set.of("newsletter"));
        Campaign campaign = lifecycle.startFor("race", "Race", Set.of("newsletter"), null).orElseThrow();
        // The last page is enqueued, and its batches all sent, before fan-out's save of that page lands.
        java.util.concurrent.atomic.AtomicBoolean sentAll = new java.util.concurrent.atomic.AtomicBoolean();
        CampaignStore racing = new ForwardingCampaignStore(campaigns) {
            @Override
            public void save(Campaign changed) {
                if (changed.fanOutDone() && !sentAll.getAndSet(true)) {
                    for (SendBatch batch : queue) {
                        Map<String, DeliveryState> ended = new HashMap<>();
                        batch.recipients().forEach(r -> ended.put(r.subscriberId(), DeliveryState.SENT));
                        outcomes.record(campaign.id(), new BatchOutcome(ended, List.of(), List.of(), List.of(), false));
                    }
                }
                campaigns.save(changed);
            }
        };
        new FanOut(racing, subscribers, sendQueue, requests, clock, tell).fanOut(campaign.id(), () -> true);
        assertEquals(CampaignStatus.SENT, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of("c-race SENT 60"), finished, "told once, by fan-out, with the final counts");
    }

    @Test
    void someoneWhoseListsChangedDuringFanOutIsNotSkippedOnTheStrengthOfOldData() throws Exception {
        Campaign campaign = lifecycle.startFor("mid", "Mid", Set.of("newsletter", "press"), null).orElseThrow();
        clock.advance(java.time.Duration.ofMinutes(1));
        // Joined the newsletter (already paged, say) during the campaign; on press all along.
        Subscriber late = new Subscriber("late", EmailAddress.parse("late@example.org"), "", "", SubscriberStatus.ACTIVE,
                Set.of("newsletter", "press"), Set.of(), null, List.of(new ConsentRecord(TestOffice.NOW, ConsentAction.IMPORTED,
                        Set.of("press"), "", ConsentSource.IMPORT, "", "", "test")), TestOffice.NOW, clock.instant(), 1);
        subscribers.createAll(List.of(late));

        fanOut.fanOut(campaign.id(), () -> true);

        assertTrue(enqueuedPerPerson().containsKey("late"), "enqueued from press: never silently dropped");
    }
}
