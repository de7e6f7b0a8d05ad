package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubscriberStatusTest {
    @Test
    void onlyActiveSubscribersReceiveMail() {
        for (SubscriberStatus status : SubscriberStatus.values()) {
            assertTrue(status.receivesMail() == (status == SubscriberStatus.ACTIVE), status.name());
        }
    }

    @Test
    void suppressedAddressesNeedAFreshConfirmationNotASilentReactivation() {
        for (SubscriberStatus suppressed : new SubscriberStatus[] {SubscriberStatus.BOUNCED, SubscriberStatus.COMPLAINED, SubscriberStatus.ERASED}) {
            assertTrue(suppressed.isSuppressed());
            assertFalse(suppressed.canMoveTo(SubscriberStatus.ACTIVE), suppressed.name());
            assertTrue(suppressed.canMoveTo(SubscriberStatus.PENDING), suppressed.name());
        }
        assertThrows(IllegalStateException.class, () -> SubscriberStatus.ERASED.moveTo(SubscriberStatus.ACTIVE));
    }

    @Test
    void aConfirmationMailThatBouncesSuppressesThePendingAddress() {
        assertTrue(SubscriberStatus.PENDING.canMoveTo(SubscriberStatus.BOUNCED));
        assertTrue(SubscriberStatus.PENDING.canMoveTo(SubscriberStatus.ACTIVE));
        assertFalse(SubscriberStatus.UNSUBSCRIBED.canMoveTo(SubscriberStatus.ACTIVE), "leaving and rejoining goes through a confirmation");
    }
}
