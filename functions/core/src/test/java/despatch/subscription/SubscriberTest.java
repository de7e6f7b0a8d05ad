package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.common.EmailAddress;
import despatch.common.RefusedTransitionException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The subscriber's own moves: each returns the next version, or refuses saying why. */
class SubscriberTest {
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final RequestOrigin FORM = RequestOrigin.web(ConsentSource.FORM, "203.0.113.7", "test");

    private static Subscriber requested() throws Exception {
        ValidSubscription request = new ValidSubscription(EmailAddress.parse("jane@example.org"), "Jane", "", Set.of("newsletter"), "2026-11");
        return Subscriber.requested("s-1", request, FORM, NOW);
    }

    @Test
    void aConfirmedRequestJoinsItsListsUnderTheWordingItWasMadeWith() throws Exception {
        Subscriber pending = requested();
        assertTrue(pending.isConfirmedBy(pending.confirmationNonce()));

        Subscriber active = pending.confirm(FORM, NOW.plusSeconds(60));

        assertEquals(SubscriberStatus.ACTIVE, active.status());
        assertEquals(Set.of("newsletter"), active.lists());
        assertEquals(Set.of(), active.pendingLists());
        assertEquals("2026-11", active.consents().getLast().wordingVersion());
        assertEquals(pending.version() + 1, active.version());
    }

    @Test
    void confirmingWithNothingWaitingIsRefusedWithTheReason() throws Exception {
        Subscriber active = requested().confirm(FORM, NOW);
        RefusedTransitionException refused = assertThrows(RefusedTransitionException.class, () -> active.confirm(FORM, NOW));
        assertEquals("A ACTIVE subscriber with nothing waiting for confirmation cannot confirm", refused.getMessage());
    }

    @Test
    void leavingTwiceChangesNothingTheSecondTime() throws Exception {
        Subscriber left = requested().confirm(FORM, NOW).unsubscribe(FORM, NOW);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, left.status());
        assertSame(left, left.unsubscribe(FORM, NOW));
    }

    @Test
    void someoneWhoLeftChoosingListsIsAskedToConfirmFirst() throws Exception {
        Subscriber left = requested().confirm(FORM, NOW).unsubscribe(FORM, NOW);
        Subscriber asked = left.chooseLists(Set.of("press"), "2026-11", FORM, NOW);
        assertEquals(SubscriberStatus.PENDING, asked.status());
        assertEquals(Set.of("press"), asked.pendingLists());
        assertEquals(Set.of(), asked.lists());
    }

    @Test
    void anErasedSubscriberCannotBeSuppressedBackIntoARecord() throws Exception {
        Subscriber erased = requested().erase(NOW);
        assertEquals("", erased.name());
        assertEquals(0, erased.consents().size());
        assertSame(erased, erased.erase(NOW));
        RefusedTransitionException refused = assertThrows(RefusedTransitionException.class,
                () -> erased.suppress(SubscriberStatus.BOUNCED, NOW));
        assertEquals("A ERASED subscriber cannot become BOUNCED", refused.getMessage());
    }
}
