package despatch.console.web;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.DraftStore;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.ConfirmView;
import despatch.console.web.ConsoleViews.DraftView;
import despatch.console.web.ConsoleViews.ProblemRow;
import despatch.article.UploadText;
import despatch.publish.Preview;
import despatch.publish.PreviewService;
import despatch.publish.PublishService;
import despatch.publish.Uploader;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload and preview: an editor uploads a file (the form posts it to the console, which keeps it
 * under {@code drafts/}, where nothing publishes), sees what publishing would make of it (or every
 * reason it would be refused), and publishes it: the draft is put under {@code articles/}, from
 * where it takes the same path as any upload.
 */
final class DraftRoutes implements SignedInRoutes {
    static final String UPLOAD = "/console/upload";
    static final String DRAFTS = "/console/drafts";
    private static final String DRAFTS_PREFIX = "drafts/";
    private static final Pattern ONE = Pattern.compile(DRAFTS + "/([0-9a-f-]{36})/([A-Za-z0-9][A-Za-z0-9._-]{0,99})(?:/(email|web|publish|test-send))?");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

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
        if (request.path().equals(UPLOAD)) {
            if (!request.may(StaffRole.EDITOR)) {
                return Optional.of(message(request, 403, "Only an editor can upload", List.of("Nothing was changed.")));
            }
            return Optional.of(request.isGet() ? uploadPage(request, null) : request.isPost() ? upload(request)
                    : replies.methodNotAllowed("GET, POST"));
        }
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

    private ConsoleResponse uploadPage(StaffRequest request, String problem) {
        return replies.signedInPage(problem == null ? 200 : 400, pages.upload(request.frame("upload"), problem), List.of());
    }

    private ConsoleResponse upload(StaffRequest request) {
        Optional<MultipartForm.Part> file = request.multipart().file("article");
        if (file.isEmpty()) {
            return uploadPage(request, "Choose a file to upload: a Markdown (.md) or plain text (.txt) article.");
        }
        String name = fileName(file.get().fileName());
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown") && !lower.endsWith(".txt")) {
            return uploadPage(request, "“" + name + "” is not an article file: upload a Markdown (.md) or plain text (.txt) file.");
        }
        if (file.get().content().length > UploadText.MAX_BYTES) {
            return uploadPage(request, "“" + name + "” is " + file.get().content().length / 1024 + " KiB; an article may be at most "
                    + UploadText.MAX_BYTES / 1024 + " KiB of text.");
        }
        String key = DRAFTS_PREFIX + UUID.randomUUID() + "/" + name;
        drafts.save(key, file.get().content(), staffAsUploader(request));
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.UPLOAD, key));
        return replies.redirect("/console/" + key, List.of());
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
        return replies.signedInPage(status, pages.signedInMessage(request.frame("upload"), title, paragraphs, "Upload an article", UPLOAD),
                List.of());
    }

    private static Uploader staffAsUploader(StaffRequest request) {
        return new Uploader(request.session().who().subject(), request.session().who().name(), request.session().who().email());
    }

    private static String articleKey(String name) {
        return PublishService.ARTICLES_PREFIX + name;
    }

    /**
     * The uploaded file's name as a key's last part: its own name without any folder a browser
     * sent, spaces as hyphens, and nothing outside letters, digits, dot, hyphen and underscore.
     */
    static String fileName(String given) {
        String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip().replace(' ', '-');
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "");
        safe = safe.replaceFirst("^[._-]+", "");
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100);
        }
        return FILE_NAME.matcher(safe).matches() ? safe : "article.txt";
    }
}
