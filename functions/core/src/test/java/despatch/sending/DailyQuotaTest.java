package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import despatch.subscription.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DailyQuotaTest {
    private static final Instant NINE = Instant.parse("2026-12-07T09:03:00Z");
    private final MutableClock clock = new MutableClock(NINE);
    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final AtomicReference<SendQuota> account = new AtomicReference<>(new SendQuota(14, 100, 0));
    private final DailyQuota quota = new DailyQuota(account::get, ledger, clock);

    @Test
    void grantsWhatIsLeftAndSaysWhenTheOldestReservationsLeaveTheDay() {
        assertEquals(60, quota.reserve(60).granted());
        clock.advance(Duration.ofMinutes(30));
        DailyQuota.Grant short_ = quota.reserve(60);
        assertEquals(40, short_.granted(), "100 a day, 60 reserved: 40 fit");
        // The first 60 were counted in the 09:00 slot; it counts until 24 hours after its end, and one slot more.
        assertEquals(Instant.parse("2026-12-08T09:20:00Z"), short_.freesAt());
        assertEquals(100, short_.dailyQuota());
        assertEquals(0, quota.reserve(1).granted(), "nothing left");

        clock.advance(Duration.ofHours(23).plusMinutes(46));
        assertEquals(0, quota.reserve(1).granted(), "09:19 the next day: the 09:00 slot still counts until 09:20");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(60, quota.reserve(100).granted(), "the 09:00 slot's 60 are free again; the 09:30 slot's 40 are not");
    }

    @Test
    void theFirstReservationOfTheDayThatFillsTheQuotaSaysWhenItFreesItself() {
        DailyQuota.Grant grant = quota.reserve(150);
        assertEquals(100, grant.granted());
        assertEquals(Instant.parse("2026-12-08T09:20:00Z"), grant.freesAt());
    }

    @Test
    void whatSesCountsAsSentByOtherMailLeavesLessAndAnHourToLookAgain() {
        account.set(new SendQuota(14, 100, 90));
        DailyQuota.Grant grant = quota.reserve(50);
        assertEquals(10, grant.granted());
        assertEquals(NINE.plus(Duration.ofHours(1)), grant.freesAt(), "Despatch cannot know when others' mail leaves the day");
    }

    @Test
    void reservationsNeverSentAreGivenBack() {
        DailyQuota.Grant grant = quota.reserve(100);
        assertEquals(0, quota.reserve(1).granted());
        quota.giveBack(grant.slot(), 7);
        assertEquals(7, quota.reserve(50).granted());
    }

    @Test
    void anAccountWithNoDailyLimitGrantsEverythingAndWritesNothing() {
        account.set(new SendQuota(14, -1, 123_456));
        DailyQuota.Grant grant = quota.reserve(5_000);
        assertEquals(5_000, grant.granted());
        assertNull(grant.freesAt());
        assertEquals(0, ledger.writes);
    }

    @Test
    void reservationsAtOnceFromManyFanOutsNeverGrantMoreThanTheQuota() throws Exception {
        account.set(new SendQuota(14, 1_000, 0));
        List<Future<Integer>> grants = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                // Each its own DailyQuota, as each fan-out invocation has.
                DailyQuota own = new DailyQuota(account::get, ledger, clock);
                grants.add(threads.submit(() -> {
                    int got = 0;
                    while (true) {
                        try {
                            int granted = own.reserve(17).granted();
                            if (granted == 0) {
                                return got;
                            }
                            got += granted;
                        } catch (despatch.common.ConcurrentChangeException lostEveryRace) {
                            // The page is read and reserved again by the request's retry.
                        }
                    }
                }));
            }
        }
        int total = 0;
        for (Future<Integer> grant : grants) {
            total += grant.get();
        }
        assertEquals(ledger.reserved(), total, "every grant is counted");
        assertEquals(1_000, total, "40 fan-outs paging until refused get exactly the 1,000 the day allows between them");
    }
}
