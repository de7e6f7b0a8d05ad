package despatch.console.web;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.DraftStore;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.ConfirmView;
import despatch.console.web.ConsoleViews.DraftView;
import despatch.console.web.ConsoleViews.ProblemRow;
import despatch.publish.Preview;
import despatch.publish.PreviewService;
import despatch.publish.PublishService;
import despatch.publish.Uploader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft's preview: an editor sees what publishing a draft (see {@link UploadRoutes}) would make
 * of it (or every reason it would be refused), sends a test, and publishes it: the draft is put
 * under {@code articles/}, from where it takes the same path as any upload.
 */
final class DraftRoutes implements SignedInRoutes {
    static final String DRAFTS = "/console/drafts";
    static final String DRAFTS_PREFIX = "drafts/";
    private static final Pattern ONE = Pattern.compile(DRAFTS + "/([0-9a-f-]{36})/([A-Za-z0-9][A-Za-z0-9._-]{0,99})(?:/(email|web|publish|test-send))?");

    private final DraftStore drafts;
    private final PreviewService previews;
    private final TestSends testSends;
    private final Recipients recipients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;

    DraftRoutes(DraftStore drafts, PreviewService previews, TestSends testSends, Recipients recipients, AuditTrail audit, Clock clock,
            ConsolePages pages, ConsoleReplies replies) {
        this.drafts = drafts;
        this.previews = previews;
        this.testSends = testSends;
        this.recipients = recipients;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        Matcher one = ONE.matcher(request.path());
        if (!one.matches()) {
            return Optional.empty();
        }
        String key = DRAFTS_PREFIX + one.group(1) + "/" + one.group(2);
        String view = one.group(3);
        if (view == null) {
            return Optional.of(request.isGet() ? preview(request, key) : replies.methodNotAllowed("GET"));
        }
        return Optional.of(switch (view) {
            case "email", "web" -> request.isGet() ? replies.framedPreview(previews.previewUpload(key), view,
                    "This draft would be refused: see the reasons beside it.") : replies.methodNotAllowed("GET");
            case "test-send" -> request.isPost() ? testSends.send(request, previews.previewUpload(key), key, "/console/" + key, "upload")
                    : replies.methodNotAllowed("POST");
            default -> request.isGet() ? confirmPublish(request, key) : request.isPost() ? publish(request, key)
                    : replies.methodNotAllowed("GET, POST");
        });
    }

    private ConsoleResponse preview(StaffRequest request, String key) {
        Preview preview = previews.previewUpload(key);
        String name = key.substring(key.lastIndexOf('/') + 1);
        String notice = "publish".equals(request.queryValue("done"))
                ? "Sent to publishing as " + articleKey(name) + ". It goes through the same checks as any upload; if the office asks for"
                + " approval, it waits for an approver on the dashboard." : TestSends.notice(request);
        DraftView view = preview.accepted()
                ? new DraftView("/console/" + key, name, notice, true, preview.rendered().subject(), preview.rendered().preheader(),
                        recipients.of(preview.article()), recipients.when(preview.article()), preview.warnings(), List.of(),
                        preview.rendered().emailText(), articleKey(name))
                : new DraftView("/console/" + key, name, notice, false, null, null, null, null, List.of(),
                        preview.problems().stream().map(problem -> new ProblemRow(problem.where(), problem.message())).toList(), null,
                        articleKey(name));
        return replies.previewPage(preview.problems().stream().anyMatch(p -> p.where().equals("key")) ? 404 : 200,
                pages.draft(request.frame("upload"), view));
    }

    private ConsoleResponse confirmPublish(StaffRequest request, String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        Preview preview = previews.previewUpload(key);
        if (!preview.accepted()) {
            return message(request, 409, "This draft would be refused", List.of("Fix what its preview lists, upload it again, then publish."));
        }
        ConfirmView view = new ConfirmView("Publish “" + preview.rendered().subject() + "”?", List.of("It goes on the site, and its email"
                + " to the lists it names is sent (at its embargo, if it has one), as if " + articleKey(name) + " were uploaded.",
                "If an article was published from a file of this name before, this corrects it: its page says “Updated”, and no email is sent"
                        + " again."), "Publishing cannot be recalled: the email goes to every subscriber of its lists.",
                "/console/" + key + "/publish", "Yes, publish", "/console/" + key);
        return replies.signedInPage(200, pages.confirm(request.frame("upload"), view), List.of());
    }

    private ConsoleResponse publish(StaffRequest request, String key) {
        if (!request.may(StaffRole.EDITOR)) {
            return message(request, 403, "Only an editor can publish", List.of("Nothing was changed."));
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!previews.previewUpload(key).accepted()) {
            return message(request, 409, "This draft would be refused", List.of("Nothing was published. Fix what its preview lists, upload"
                    + " it again, then publish."));
        }
        drafts.submit(key, articleKey(name), staffAsUploader(request));
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.SUBMIT, articleKey(name)));
        return replies.redirect("/console/" + key + "?done=publish", List.of());
    }

    private ConsoleResponse message(StaffRequest request, int status, String title, List<String> paragraphs) {
        return replies.signedInPage(status, pages.signedInMessage(request.frame("upload"), title, paragraphs, "Upload an article", UploadRoutes.PATH),
                List.of());
    }

    static Uploader staffAsUploader(StaffRequest request) {
        return new Uploader(request.session().who().subject(), request.session().who().name(), request.session().who().email());
    }

    private static String articleKey(String name) {
        return PublishService.ARTICLES_PREFIX + name;
    }
}
