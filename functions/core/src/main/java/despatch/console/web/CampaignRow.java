package despatch.console.web;

import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.QuotaWait;
import java.util.Locale;

/** One campaign as the console's tables show it: counts formatted, state and time in words. */
public record CampaignRow(String url, String subject, String state, String when, String lists, String queued, String sent,
        String suppressed, String failed, String unknown) {

    static CampaignRow of(Campaign campaign, ConsoleFormat format) {
        CampaignCounts counts = campaign.counts();
        return new CampaignRow(CampaignRoutes.PATH + "/" + campaign.id(), campaign.subject(), state(campaign.status()),
                when(campaign, format), String.join(", ", format.office().displayNames(campaign.lists())), format.count(counts.enqueued()),
                format.count(counts.sent()), format.count(counts.suppressed()), format.count(counts.failed()),
                format.count(counts.unknown()));
    }

    static String state(CampaignStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String when(Campaign campaign, ConsoleFormat format) {
        return switch (campaign.status()) {
            case SCHEDULED -> "starts " + format.time(campaign.scheduledFor());
            case HELD -> "held for staff since " + format.time(campaign.updatedAt()) + ": it would have started too late by itself";
            case PAUSED -> "paused " + format.time(campaign.updatedAt());
            case SENT -> "finished " + format.time(campaign.updatedAt());
            case CANCELLED -> "cancelled " + format.time(campaign.updatedAt());
            case SENDING -> campaign.quotaWait() == null ? "since " + format.time(campaign.createdAt())
                    : QuotaWait.explain(format.count(campaign.counts().sent()), format.time(campaign.quotaWait().until()),
                            format.count(campaign.quotaWait().dailyQuota()));
            default -> "since " + format.time(campaign.createdAt());
        };
    }
}
