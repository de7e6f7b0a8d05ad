package despatch.sending;

import despatch.common.RefusedTransitionException;
import java.time.Instant;
import java.util.List;

/**
 * One article's email to its lists. The id follows from the article, so publishing a correction
 * finds the campaign already there and sends nothing again. Every change is a move below that
 * returns the next version, or refuses with a {@link RefusedTransitionException} saying why.
 *
 * @param lists in the office's order, the order fan-out pages them
 * @param scheduledFor the embargo it waits for, or null to send at once
 * @param fanOutDone every list has been paged to its end
 * @param quotaWait set while fan-out waits for the account's SES daily quota to free up; otherwise null
 */
public record Campaign(String id, String slug, String subject, List<String> lists, CampaignStatus status, Instant scheduledFor,
        FanOutCursor cursor, boolean fanOutDone, CampaignCounts counts, Instant createdAt, Instant updatedAt, long version,
        QuotaWait quotaWait) {

    public Campaign {
        lists = List.copyOf(lists);
    }

    /** A campaign not waiting for the daily quota. */
    public Campaign(String id, String slug, String subject, List<String> lists, CampaignStatus status, Instant scheduledFor,
            FanOutCursor cursor, boolean fanOutDone, CampaignCounts counts, Instant createdAt, Instant updatedAt, long version) {
        this(id, slug, subject, lists, status, scheduledFor, cursor, fanOutDone, counts, createdAt, updatedAt, version, null);
    }

    /** Fan-out is waiting for the daily quota, and its time to go on has not come. */
    public boolean waitsForQuota(Instant now) {
        return status == CampaignStatus.SENDING && quotaWait != null && now.isBefore(quotaWait.until());
    }

    public static String idFor(String slug) {
        return "c-" + slug;
    }

    /** A published article's campaign: scheduled for its embargo when that is still to come, otherwise sending at once. */
    static Campaign forArticle(String slug, String subject, List<String> lists, Instant embargo, Instant now) {
        boolean later = embargo != null && embargo.isAfter(now);
        return new Campaign(idFor(slug), slug, subject, lists, later ? CampaignStatus.SCHEDULED : CampaignStatus.SENDING,
                later ? embargo : null, FanOutCursor.START, false, CampaignCounts.NONE, now, now, 1);
    }

    /** Sending, every list paged to its end, and every enqueued recipient with an outcome. */
    public boolean isReadyToFinish() {
        return status == CampaignStatus.SENDING && fanOutDone && counts.allAccountedFor();
    }

    /** Held for staff after a late start, or paused by SES: only staff start it again. */
    public boolean mayStartByHand() {
        return status == CampaignStatus.HELD || status == CampaignStatus.PAUSED;
    }

    /** Sending, paused or sent: a campaign whose unknown outcomes staff may send again. */
    public boolean mayResendUnknown() {
        return status == CampaignStatus.SENDING || status == CampaignStatus.PAUSED || status == CampaignStatus.SENT;
    }

    /** A scheduled campaign whose embargo a correction moved. */
    Campaign reschedule(Instant at, Instant now) {
        if (status != CampaignStatus.SCHEDULED) {
            throw refused("move the start of", "only a scheduled campaign has a start to move");
        }
        return new Campaign(id, slug, subject, lists, status, at, cursor, fanOutDone, counts, createdAt, now, version + 1, quotaWait);
    }

    /** Sending starts: at the embargo, or by staff for a held or paused campaign. */
    Campaign start(Instant now) {
        if (status != CampaignStatus.SCHEDULED && !mayStartByHand()) {
            throw refused("start", "only a scheduled, held or paused campaign starts");
        }
        return moved(CampaignStatus.SENDING, now);
    }

    /** The embargo's moment passed too long ago to send by itself: staff decide. */
    Campaign hold(Instant now) {
        if (status != CampaignStatus.SCHEDULED) {
            throw refused("hold", "only a scheduled campaign waits for its start");
        }
        return moved(CampaignStatus.HELD, now);
    }

    /** SES paused the account's sending: batches wait until staff start the campaign again. */
    Campaign pause(Instant now) {
        if (status != CampaignStatus.SENDING) {
            throw refused("pause", "only a sending campaign can pause");
        }
        return moved(CampaignStatus.PAUSED, now);
    }

    /** Stopped: batches still queued are dropped when they arrive. */
    Campaign cancel(Instant now) {
        if (status.isFinished()) {
            throw refused("cancel", "it is over already");
        }
        return moved(CampaignStatus.CANCELLED, now);
    }

    /** Everyone is accounted for. */
    Campaign finish(Instant now) {
        if (!isReadyToFinish()) {
            throw refused("finish", status != CampaignStatus.SENDING ? "only a sending campaign finishes"
                    : !fanOutDone ? "its lists are not all paged yet" : "some enqueued recipients have no outcome yet");
        }
        return moved(CampaignStatus.SENT, now);
    }

    /** Staff send unknown outcomes again: a paused or sent campaign is sending once more. */
    Campaign reopen(Instant now) {
        if (status != CampaignStatus.PAUSED && status != CampaignStatus.SENT) {
            throw refused("reopen", "only a paused or sent campaign is reopened to resend");
        }
        return moved(CampaignStatus.SENDING, now);
    }

    /** One more page of fan-out saved: where the next one starts, and how many more recipients were enqueued. */
    Campaign advance(FanOutCursor next, boolean done, long moreEnqueued, Instant now) {
        return paged(next, done, moreEnqueued, null, now);
    }

    /** Part of a page enqueued, as much as the daily quota allowed: the rest waits from {@code next} until {@code wait} says. */
    Campaign waitForQuota(FanOutCursor next, long moreEnqueued, QuotaWait wait, Instant now) {
        return paged(next, false, moreEnqueued, wait, now);
    }

    private Campaign paged(FanOutCursor next, boolean done, long moreEnqueued, QuotaWait wait, Instant now) {
        if (status != CampaignStatus.SENDING) {
            throw refused("fan out", "only a sending campaign is paged onto the send queue");
        }
        CampaignCounts more = new CampaignCounts(counts.enqueued() + moreEnqueued, counts.sent(), counts.suppressed(), counts.failed(),
                counts.unknown());
        return new Campaign(id, slug, subject, lists, status, scheduledFor, next, done, more, createdAt, now, version + 1, wait);
    }

    private Campaign moved(CampaignStatus next, Instant now) {
        return new Campaign(id, slug, subject, lists, status.moveTo(next), scheduledFor, cursor, fanOutDone, counts, createdAt, now,
                version + 1, quotaWait);
    }

    private RefusedTransitionException refused(String move, String why) {
        return new RefusedTransitionException("Cannot " + move + " campaign " + id + ", which is " + status + ": " + why);
    }
}
