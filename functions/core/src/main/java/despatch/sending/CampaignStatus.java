package despatch.sending;

import despatch.common.RefusedTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a campaign stands, with every allowed move in one place. A campaign that would start too
 * long after its slot (a restore, an outage) is HELD for staff rather than sent hours late by
 * itself; a campaign whose SES sending was paused is PAUSED until staff resume it.
 */
public enum CampaignStatus {
    DRAFT, SCHEDULED, HELD, SENDING, PAUSED, SENT, CANCELLED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> MOVES = Map.of(
            DRAFT, EnumSet.of(SCHEDULED, SENDING, CANCELLED),
            SCHEDULED, EnumSet.of(SENDING, HELD, CANCELLED),
            HELD, EnumSet.of(SENDING, CANCELLED),
            SENDING, EnumSet.of(SENT, PAUSED, CANCELLED),
            PAUSED, EnumSet.of(SENDING, CANCELLED),
            // Only when staff resend deliveries whose outcome was unknown.
            SENT, EnumSet.of(SENDING),
            CANCELLED, EnumSet.noneOf(CampaignStatus.class));

    public boolean canMoveTo(CampaignStatus next) {
        return MOVES.get(this).contains(next);
    }

    public CampaignStatus moveTo(CampaignStatus next) {
        if (!canMoveTo(next)) {
            throw new RefusedTransitionException("A " + this + " campaign cannot become " + next);
        }
        return next;
    }

    /** Nothing more will be sent unless staff resend unknown outcomes: the campaign is over. */
    public boolean isFinished() {
        return this == SENT || this == CANCELLED;
    }
}
