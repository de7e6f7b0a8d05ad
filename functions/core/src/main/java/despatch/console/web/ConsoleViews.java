package despatch.console.web;

import despatch.console.UploadForm;
import java.util.List;

/** The records the console's templates read, beside the page each belongs to. */
public final class ConsoleViews {
    private ConsoleViews() {
    }

    /**
     * The dashboard: what the person may do, the uploads waiting for approval, and the campaigns.
     *
     * @param approvalPolicy what the office's approval setting means, said when nothing waits
     */
    public record DashboardView(String email, List<String> abilities, List<AwaitingRow> awaiting, String approvalPolicy,
            List<UploadRow> uploads, String mailFeedback, List<CampaignRow> inProgress, List<CampaignRow> latest, List<ListRow> lists,
            String listsCountedAt) {
    }

    /**
     * An upload and what became of it, as a line on the dashboard.
     *
     * @param url its page (on the site, or waiting for approval), or null
     * @param reasons a rejected upload's reasons, each where it is and what to fix
     */
    public record UploadRow(String file, String outcome, String when, String url, List<String> reasons) {
    }

    /** An upload waiting for approval, as a line on the dashboard. */
    public record AwaitingRow(String url, String title, String detail) {
    }

    /**
     * An upload waiting for approval, with its preview.
     *
     * @param approveUrl where Approve and send leads, or null when this person may not approve it
     * @param whyNot     why not, when they may not
     */
    public record ApprovalView(String url, String uploadKey, String title, String notice, String since, String uploader, String lists,
            String embargo, String subject, List<String> warnings, String emailText, String approveUrl, String whyNot) {
    }

    /** A button-styled link to an action's confirmation page. */
    public record ActionLink(String label, String url, boolean warning) {
    }

    /**
     * One campaign's page.
     *
     * @param notice what the action just done did, or null
     * @param fanOut whether every list has been read onto the send queue yet, in words
     * @param actionsNeedApprover the campaign has actions this person's role does not allow
     */
    public record CampaignDetailView(CampaignRow row, String notice, String fanOut, boolean unknownExplained, List<ActionLink> actions,
            boolean actionsNeedApprover) {
    }

    /** Asks once before an action: what it does, the button that does it, and a way back. */
    public record ConfirmView(String title, List<String> paragraphs, String warning, String actionUrl, String button, String backUrl) {
    }

    /**
     * A draft's preview: what publishing would make of it, or every reason it would be refused.
     *
     * @param url        the draft's page; its email and web page are framed from {@code url + "/email"} and {@code "/web"}
     * @param notice     what was just done, or null
     */
    public record DraftView(String url, String fileName, String notice, boolean accepted, String subject, String preheader,
            String sentTo, String when, List<String> warnings, List<ProblemRow> problems, String emailText, String articleKey) {
    }

    /** A reason an upload would be refused, and where in it. */
    public record ProblemRow(String where, String message) {
    }

    /** The subscribers page: each list with how many are on it now, and what the last look-up found, if anything. */
    /** @param listsCountedAt when the members were counted (at most an hour ago) */
    public record SubscribersView(List<ListRow> lists, String listsCountedAt, String problem) {
    }

    /** A list, its members now, and their change over the last 30 days in words ("+12 since 6 Nov"). */
    public record ListRow(String id, String name, String members, String growth) {
    }

    /** One subscriber found by an exact address: what Despatch holds about them, consent history included. */
    public record SubscriberView(String address, String name, String postcode, String status, String lists, String suppression,
            List<ConsentRow> consent) {
    }

    public record ConsentRow(String when, String what, String lists, String how) {
    }

    /** An import started from the console: its file, and its report once written (null until then). */
    public record ImportView(String fileName, String report, String url) {
    }

    /** One page of the audit trail, and the link to the older entries, or null on the last page. */
    public record AuditView(List<AuditRow> entries, String olderUrl) {
    }

    public record AuditRow(String when, String who, String what, String record) {
    }

    /** The upload page: the form that sends the file to the bucket, and what was wrong with the last try ("" if nothing). */
    record UploadView(UploadForm form, String problem) {
    }

    /** A page of the suppression list, newest first, and the next page's address (null on the last). */
    record SuppressionsView(List<SuppressionRow> rows, String olderUrl) {
    }

    /** One suppressed address: when, why in words, and the address if its subscriber was not erased. */
    record SuppressionRow(String when, String why, String address) {
    }
}
