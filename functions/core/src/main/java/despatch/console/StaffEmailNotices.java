package despatch.console;

import despatch.office.Office;
import despatch.publish.PublishNotices;
import despatch.publish.PublishOutcome;
import despatch.publish.SendApproval;
import despatch.publish.Uploader;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.Mailer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Emails to staff about an upload: to the person who uploaded it from the console when it was
 * refused (with every reason), waits for approval, is published or scheduled; and to every
 * approver who may approve it when it waits. Each email links to the console. An address that
 * cannot be mailed, or a send that fails, is skipped: a notice never holds up publishing.
 */
public final class StaffEmailNotices implements PublishNotices {
    private final StaffMail mail;
    private final ApproverDirectory approvers;
    private final SendApproval policy;
    private final Office office;
    private final String consoleUrl;
    private final DateTimeFormatter time;

    /** @param consoleUrl the console's address, for the links in the emails */
    public StaffEmailNotices(Mailer mailer, SubscriptionRenderer renderer, ApproverDirectory approvers, SendApproval policy, Office office,
            String consoleUrl) {
        this.mail = new StaffMail(mailer, renderer, office);
        this.approvers = approvers;
        this.policy = policy;
        this.office = office;
        this.consoleUrl = consoleUrl;
        this.time = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", office.language()).withZone(office.zone());
    }

    @Override
    public void tell(String uploadKey, Uploader uploader, PublishOutcome outcome) {
        switch (outcome) {
            case PublishOutcome.AwaitingApproval waiting -> {
                tellUploader(uploader, "“" + file(uploadKey) + "” waits for approval", List.of("It passed every check. Nothing of it is"
                        + " published or sent until an approver approves it in the console."), approvalUrl(uploadKey));
                for (StaffContact approver : approvers.approvers()) {
                    boolean theirOwn = uploader.involves(approver.subject());
                    if (!(theirOwn && policy == SendApproval.TWO_PERSON)) {
                        send(approver.email(), "An upload awaits your approval: " + file(uploadKey), List.of(uploader.describe()
                                + " uploaded " + uploadKey + ". It passed every check, and waits for an approver: nothing is published"
                                + " or sent until then."), approvalUrl(uploadKey));
                    }
                }
            }
            case PublishOutcome.Rejected rejected -> {
                List<String> reasons = new ArrayList<>(List.of("Nothing was published or sent. Fix these, then upload it again:"));
                rejected.problems().forEach(problem -> reasons.add(problem.where() + ": " + problem.message()));
                tellUploader(uploader, "“" + file(uploadKey) + "” was not published", reasons, consoleUrl + "/upload");
            }
            case PublishOutcome.Published published -> tellUploader(uploader, "“" + file(uploadKey) + "” is " + (published.corrected()
                    ? "corrected" : "published"), List.of(published.corrected() ? "The page now shows the correction; the email is not sent"
                    + " again." : "It is on the site, and its email is on its way to its lists."), office.siteBaseUrl() + "/" + published.webPath());
            case PublishOutcome.Scheduled scheduled -> tellUploader(uploader, "“" + file(uploadKey) + "” is scheduled", List.of("It goes on"
                    + " the site, and its email to its lists, at its embargo: " + time.format(scheduled.embargo()) + "."), consoleUrl);
            default -> {
                // Taken down, or not an article: nothing anyone asked to hear about.
            }
        }
    }

    private void tellUploader(Uploader uploader, String subject, List<String> paragraphs, String url) {
        send(uploader.email(), subject, paragraphs, url);
    }

    private void send(String address, String subject, List<String> paragraphs, String url) {
        mail.send(address, subject, paragraphs, "Open it", url);
    }

    private String approvalUrl(String uploadKey) {
        return consoleUrl + "/approvals/" + LinkIds.of(uploadKey);
    }

    private static String file(String uploadKey) {
        return uploadKey.substring(uploadKey.lastIndexOf('/') + 1);
    }
}
