package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import despatch.common.RefusedTransitionException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The campaign's own moves: each returns the next version, or refuses saying what and why. */
class CampaignTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static Campaign sending() {
        return Campaign.forArticle("gala", "Gala", List.of("newsletter"), null, NOW);
    }

    @Test
    void anArticleWithAnEmbargoStillToComeIsScheduledAndOtherwiseSendsAtOnce() {
        assertEquals(CampaignStatus.SCHEDULED, Campaign.forArticle("a", "A", List.of(), NOW.plusSeconds(60), NOW).status());
        assertEquals(CampaignStatus.SENDING, Campaign.forArticle("b", "B", List.of(), NOW.minusSeconds(60), NOW).status());
        assertEquals(CampaignStatus.SENDING, sending().status());
    }

    @Test
    void aPausedCampaignStartsAgainAndEachMoveIsANewVersion() {
        Campaign paused = sending().pause(NOW);
        Campaign again = paused.start(NOW.plusSeconds(5));
        assertEquals(CampaignStatus.SENDING, again.status());
        assertEquals(sending().version() + 2, again.version());
        assertEquals(NOW.plusSeconds(5), again.updatedAt());
    }

    @Test
    void cancellingACampaignThatIsOverIsRefusedWithTheReason() {
        Campaign cancelled = sending().cancel(NOW);
        RefusedTransitionException refused = assertThrows(RefusedTransitionException.class, () -> cancelled.cancel(NOW));
        assertEquals("Cannot cancel campaign c-gala, which is CANCELLED: it is over already", refused.getMessage());
    }

    @Test
    void aCampaignIsNotFinishedWhileItsListsAreStillBeingPaged() {
        RefusedTransitionException refused = assertThrows(RefusedTransitionException.class, () -> sending().finish(NOW));
        assertEquals("Cannot finish campaign c-gala, which is SENDING: its lists are not all paged yet", refused.getMessage());
        Campaign paged = sending().advance(new FanOutCursor(1, null), true, 0, NOW);
        assertEquals(CampaignStatus.SENT, paged.finish(NOW).status());
    }

    @Test
    void aSendingCampaignCannotBeHeldOrStartedAgain() {
        assertThrows(RefusedTransitionException.class, () -> sending().hold(NOW));
        assertThrows(RefusedTransitionException.class, () -> sending().start(NOW));
    }
}
