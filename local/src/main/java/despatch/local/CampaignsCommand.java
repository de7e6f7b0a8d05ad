package despatch.local;

import despatch.lambda.aws.DynamoDbDeliveryLedger;
import despatch.lambda.wiring.SendingFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.StaffCampaignActions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./despatch campaigns | campaign ID | start ID | cancel ID | resend-unknown ID}: staff's view of
 * campaigns on the local stack, through the same core calls a deployed tool would make. Prints
 * subscriber ids, never addresses.
 */
public final class CampaignsCommand {
    private final StaffCampaignActions campaigns;
    private final DynamoDbDeliveryLedger ledger;

    public CampaignsCommand(Map<String, String> environment) {
        this.campaigns = new SendingFactory(Wiring.fromEnvironment(Setting.Function.FanOutFunction)).staffCampaignActions();
        this.ledger = new DynamoDbDeliveryLedger(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                environment.get(Setting.CAMPAIGNS_TABLE.name()));
    }

    /** One campaign's command: campaign, start, cancel or resend-unknown. */
    public int run(String command, String id) {
        return switch (command) {
            case "campaign" -> show(id);
            case "cancel" -> cancel(id);
            case "start" -> start(id);
            case "resend-unknown" -> resendUnknown(id);
            default -> throw new IllegalArgumentException("not a campaign command: " + command);
        };
    }

    public int list() {
        List<Campaign> recent = campaigns.recent(50);
        if (recent.isEmpty()) {
            System.out.println("No campaigns yet: publish an article with lists (./despatch publish FILE).");
        }
        System.out.printf("%-62s %-10s %8s %6s %10s %6s %7s%n", "campaign", "status", "queued", "sent", "suppressed", "failed", "unknown");
        for (Campaign campaign : recent) {
            CampaignCounts c = campaign.counts();
            System.out.printf("%-62s %-10s %8d %6d %10d %6d %7d%n", campaign.id(), status(campaign), c.enqueued(), c.sent(), c.suppressed(),
                    c.failed(), c.unknown());
        }
        return 0;
    }

    private int show(String id) {
        Campaign campaign = campaigns.find(id).orElse(null);
        if (campaign == null) {
            return unknown(id);
        }
        CampaignCounts c = campaign.counts();
        System.out.println(campaign.id() + ": " + status(campaign) + ", \"" + campaign.subject() + "\" to " + String.join(" + ", campaign.lists()));
        if (campaign.scheduledFor() != null) {
            System.out.println("  scheduled for " + campaign.scheduledFor());
        }
        System.out.println("  queued " + c.enqueued() + (campaign.fanOutDone() ? " (fan-out done)" : " (fan-out in progress)")
                + "; sent " + c.sent() + ", suppressed " + c.suppressed() + ", failed " + c.failed() + ", unknown outcome " + c.unknown());
        if (campaign.status() == despatch.sending.CampaignStatus.SENDING && campaign.quotaWait() != null) {
            System.out.println("  " + despatch.sending.QuotaWait.explain(Long.toString(c.sent()), campaign.quotaWait().until().toString(),
                    Long.toString(campaign.quotaWait().dailyQuota())));
        }
        List<String> unknownOutcomes = ledger.unknownOutcomes(id);
        if (!unknownOutcomes.isEmpty()) {
            System.out.println("  outcome unknown (SES may or may not have sent these; ./despatch resend-unknown " + id + " sends them again):");
            unknownOutcomes.forEach(subscriber -> System.out.println("    subscriber " + subscriber));
        }
        return 0;
    }

    private int cancel(String id) {
        if (campaigns.find(id).isEmpty()) {
            return unknown(id);
        }
        boolean cancelled = campaigns.cancel(id);
        System.out.println(cancelled ? id + " cancelled: batches still queued are dropped as they arrive."
                : id + " is already over (" + status(campaigns.find(id).orElseThrow()) + "); nothing to cancel.");
        return cancelled ? 0 : 1;
    }

    private int start(String id) {
        if (campaigns.find(id).isEmpty()) {
            return unknown(id);
        }
        boolean started = campaigns.startNow(id);
        System.out.println(started ? id + " started: its page is on the site and fan-out has been asked for."
                : id + " is " + status(campaigns.find(id).orElseThrow()) + ": only a held or paused campaign can be started by hand.");
        return started ? 0 : 1;
    }

    private int resendUnknown(String id) {
        if (campaigns.find(id).isEmpty()) {
            return unknown(id);
        }
        int queued = campaigns.resendUnknown(id, ledger);
        System.out.println(queued == 0 ? id + " has no deliveries with an unknown outcome."
                : queued + " deliveries of " + id + " queued again; they go out when the send queue is next consumed.");
        return 0;
    }

    private static String status(Campaign campaign) {
        return campaign.status().name().toLowerCase(Locale.ROOT);
    }

    private static int unknown(String id) {
        System.err.println("despatch: there is no campaign " + id + " (./despatch campaigns lists them)");
        return 2;
    }
}
