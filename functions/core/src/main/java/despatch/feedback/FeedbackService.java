package despatch.feedback;

import despatch.subscription.AddressKey;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.Suppressions;

/**
 * Acts on bounces and complaints: a hard bounce or a complaint suppresses the address at once (it
 * leaves every list and is never mailed again unless the person confirms afresh); soft bounces are
 * counted and suppress the address once they reach the limit.
 */
public final class FeedbackService {
    /** What one notification did, in counts: logs carry these, never the addresses. */
    public record Result(int suppressed, int softBouncesCounted, int unknownAddresses) {
    }

    /** Where delivery, open and click counts go when tracking is on. */
    public interface EngagementCounts {
        void count(String campaignId, String eventType);
    }

    private final Suppressions suppressions;
    private final despatch.subscription.SubscriberStore store;
    private final int softBounceLimit;
    private final EngagementCounts engagement;
    private final FeedbackTally tally;
    private final java.time.Clock clock;

    /** @param engagement where delivery, open and click counts go, or null when tracking is off */
    public FeedbackService(Suppressions suppressions, despatch.subscription.SubscriberStore store, int softBounceLimit,
            EngagementCounts engagement) {
        this(suppressions, store, softBounceLimit, engagement, FeedbackTally.NONE, java.time.Clock.systemUTC());
    }

    /** @param tally where each day's bounces and complaints are counted, for the console */
    public FeedbackService(Suppressions suppressions, despatch.subscription.SubscriberStore store, int softBounceLimit,
            EngagementCounts engagement, FeedbackTally tally, java.time.Clock clock) {
        this.tally = tally;
        this.clock = clock;
        this.engagement = engagement;
        this.suppressions = suppressions;
        this.store = store;
        this.softBounceLimit = softBounceLimit;
    }

    public Result handle(MailFeedback feedback) {
        int suppressed = 0;
        int soft = 0;
        int unknown = 0;
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        switch (feedback) {
            case MailFeedback.Bounce bounce -> {
                tally.add(today, bounce.recipients().size(), 0);
                for (String typed : bounce.recipients()) {
                    EmailAddress address = address(typed);
                    if (address == null) {
                        unknown++;
                    } else if (bounce.permanent() || store.countSoftBounce(AddressKey.of(address)) >= softBounceLimit) {
                        suppressions.suppress(address, SubscriberStatus.BOUNCED);
                        suppressed++;
                    } else {
                        soft++;
                    }
                }
            }
            case MailFeedback.Complaint complaint -> {
                tally.add(today, 0, complaint.recipients().size());
                for (String typed : complaint.recipients()) {
                    EmailAddress address = address(typed);
                    if (address == null) {
                        unknown++;
                    } else {
                        suppressions.suppress(address, SubscriberStatus.COMPLAINED);
                        suppressed++;
                    }
                }
            }
            case MailFeedback.Other other -> {
                // Counted only with tracking on; off (the default), an office learns nothing of who read what.
                if (engagement != null && !other.campaignId().isEmpty()) {
                    engagement.count(other.campaignId(), other.type());
                }
            }
        }
        return new Result(suppressed, soft, unknown);
    }

    private static EmailAddress address(String typed) {
        try {
            return EmailAddress.stored(typed);
        } catch (InvalidEmailAddressException e) {
            return null;
        }
    }
}
