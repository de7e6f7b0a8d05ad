package despatch.sending;

import java.time.Instant;
import java.util.List;

/**
 * One article's email to its lists. The id follows from the article, so publishing a correction
 * finds the campaign already there and sends nothing again.
 *
 * @param lists in the office's order, the order fan-out pages them
 * @param scheduledFor the embargo it waits for, or null to send at once
 * @param fanOutDone every list has been paged to its end
 */
public record Campaign(String id, String slug, String subject, List<String> lists, CampaignStatus status, Instant scheduledFor,
        FanOutCursor cursor, boolean fanOutDone, CampaignCounts counts, Instant createdAt, Instant updatedAt, long version) {

    public Campaign {
        lists = List.copyOf(lists);
    }

    public static String idFor(String slug) {
        return "c-" + slug;
    }

    Campaign advanced(FanOutCursor next, boolean done, long moreEnqueued, Instant now) {
        CampaignCounts more = new CampaignCounts(counts.enqueued() + moreEnqueued, counts.sent(), counts.suppressed(), counts.failed(),
                counts.unknown());
        return new Campaign(id, slug, subject, lists, status, scheduledFor, next, done, more, createdAt, now, version + 1);
    }

    /** A scheduled campaign whose embargo moved. */
    Campaign rescheduled(Instant at, Instant now) {
        return new Campaign(id, slug, subject, lists, status, at, cursor, fanOutDone, counts, createdAt, now, version + 1);
    }

    Campaign moved(CampaignStatus next, Instant now) {
        return new Campaign(id, slug, subject, lists, status.moveTo(next), scheduledFor, cursor, fanOutDone, counts, createdAt, now,
                version + 1);
    }
}
