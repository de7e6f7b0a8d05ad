package despatch.console.web;

import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.DashboardView;
import despatch.console.web.ConsoleViews.UploadRow;
import despatch.feedback.FeedbackTally;
import despatch.publish.LoggedUpload;
import despatch.publish.UploadLog;
import despatch.sending.Campaign;
import despatch.sending.StaffCampaignActions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's first page. Its reads are bounded whatever the office's size: one query for the
 * uploads waiting for approval and one for the latest campaigns (by key, never a Scan), and the
 * members per list from the list census ({@link despatch.console.ListCounts}: the lists themselves
 * are counted at most once an hour, whoever looks).
 */
final class DashboardRoutes implements SignedInRoutes {
    static final String PATH = "/console";
    /** Enough to hold every campaign still under way on any office's busiest day. */
    private static final int LATEST = 20;
    private static final int SHOWN = 5;
    private static final int FEEDBACK_DAYS = 30;

    private final StaffCampaignActions campaigns;
    private final UploadLog uploads;
    private final FeedbackTally feedback;
    private final ApprovalRoutes approvals;
    private final ListRows lists;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final ConsoleFormat format;

    DashboardRoutes(StaffCampaignActions campaigns, UploadLog uploads, FeedbackTally feedback, ApprovalRoutes approvals, ListRows lists,
            Clock clock, ConsolePages pages, ConsoleReplies replies, ConsoleFormat format) {
        this.lists = lists;
        this.campaigns = campaigns;
        this.uploads = uploads;
        this.feedback = feedback;
        this.clock = clock;
        this.approvals = approvals;
        this.pages = pages;
        this.replies = replies;
        this.format = format;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        // Also with the slash people type: an HTTP API passes it on as it came.
        if (!request.path().equals(PATH) && !request.path().equals(PATH + "/")) {
            return Optional.empty();
        }
        if (!request.isGet()) {
            return Optional.of(replies.methodNotAllowed("GET"));
        }
        List<Campaign> latest = campaigns.recent(LATEST);
        List<CampaignRow> inProgress = latest.stream().filter(campaign -> !campaign.status().isFinished())
                .map(campaign -> CampaignRow.of(campaign, format)).toList();
        List<CampaignRow> shown = latest.stream().limit(SHOWN).map(campaign -> CampaignRow.of(campaign, format)).toList();
        List<UploadRow> latestUploads = uploads.latest(SHOWN * 2).stream().map(this::row).toList();
        FeedbackTally.Totals month = feedback.since(LocalDate.now(clock).minusDays(FEEDBACK_DAYS - 1));
        String mailFeedback = format.count(month.bounces()) + (month.bounces() == 1 ? " bounce" : " bounces") + " and "
                + format.count(month.complaints()) + (month.complaints() == 1 ? " complaint" : " complaints") + " in the last " + FEEDBACK_DAYS
                + " days. Each bounced-for-good or complaining address is suppressed: Despatch never mails it again.";
        ListRows.Counted members = lists.rows();
        DashboardView view = new DashboardView(request.session().who().email(), abilities(request), approvals.awaitingRows(LATEST),
                approvals.policyInWords(), latestUploads, mailFeedback, inProgress, shown, members.rows(), members.countedAt());
        return Optional.of(replies.signedInPage(200, pages.dashboard(request.frame("dashboard"), view), List.of()));
    }

    private UploadRow row(LoggedUpload upload) {
        String file = upload.uploadKey().substring(upload.uploadKey().lastIndexOf('/') + 1);
        String url = switch (upload.outcome()) {
            case "published", "corrected" -> format.office().articleUrl(upload.slug());
            case "awaiting approval" -> ApprovalRoutes.url(upload.uploadKey());
            default -> null;
        };
        return new UploadRow(file, upload.outcome(), format.time(upload.at()), url, upload.reasons());
    }

    private static List<String> abilities(StaffRequest request) {
        List<String> abilities = new ArrayList<>();
        if (request.may(StaffRole.EDITOR)) {
            abilities.add("Upload, preview, test send and submit articles");
        }
        if (request.may(StaffRole.APPROVER)) {
            abilities.add("Approve and send; start, cancel and resend campaigns");
        }
        if (request.may(StaffRole.ADMIN)) {
            abilities.add("Look up, export and import subscribers; the suppression list; rebuild the site; read the audit trail");
        }
        return List.copyOf(abilities);
    }
}
