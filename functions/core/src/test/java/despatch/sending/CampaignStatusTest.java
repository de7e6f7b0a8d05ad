package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignStatusTest {
    @Test
    void aCancelledCampaignNeverMovesAgainAndASentOneOnlyForAResendOfUnknownOutcomes() {
        for (CampaignStatus next : CampaignStatus.values()) {
            assertFalse(CampaignStatus.CANCELLED.canMoveTo(next), "CANCELLED -> " + next);
            assertEquals(next == CampaignStatus.SENDING, CampaignStatus.SENT.canMoveTo(next), "SENT -> " + next);
        }
    }

    @Test
    void heldAndPausedCampaignsWaitForStaffToSendOrCancel() {
        assertTrue(CampaignStatus.HELD.canMoveTo(CampaignStatus.SENDING));
        assertTrue(CampaignStatus.PAUSED.canMoveTo(CampaignStatus.SENDING));
        assertFalse(CampaignStatus.HELD.canMoveTo(CampaignStatus.SENT), "only sending finishes a campaign");
        assertThrows(IllegalStateException.class, () -> CampaignStatus.SCHEDULED.moveTo(CampaignStatus.SENT));
    }

    @Test
    void aScheduledCampaignStartsOnTimeNeverEarlyAndIsHeldWhenTooLate() {
        StartDecision decision = new StartDecision(Duration.ofMinutes(30));
        Instant slot = Instant.parse("2026-12-01T00:01:00Z");
        assertEquals(StartDecision.Verdict.WAIT, decision.decide(slot, slot.minusSeconds(1)), "an embargo is a promise");
        assertEquals(StartDecision.Verdict.START, decision.decide(slot, slot));
        assertEquals(StartDecision.Verdict.START, decision.decide(slot, slot.plus(Duration.ofMinutes(30))));
        assertEquals(StartDecision.Verdict.HOLD, decision.decide(slot, slot.plus(Duration.ofHours(5))), "after a restore, hours late");
    }
}
