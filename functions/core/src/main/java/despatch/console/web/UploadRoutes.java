package despatch.console.web;

import despatch.article.UploadText;
import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.DraftStore;
import despatch.console.IncomingFile;
import despatch.console.StaffRole;
import despatch.console.UploadForm;
import despatch.console.UploadForms;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploading an article: the page's form sends the file from the browser straight to the uploads
 * bucket, under {@code drafts/incoming/<form's id>/}, where nothing publishes; the bucket then sends
 * the browser back here, and the console takes the file as a draft (or says why not, and removes
 * it) and shows its preview.
 *
 * <p>Taking the file is a GET, as the bucket's redirect is; it needs no CSRF token, since it only
 * ever takes a file marked as the signed-in person's own, which only a form issued to them can
 * mark. A form is taken once: sent again, what it brought is removed and the person told.
 */
final class UploadRoutes implements SignedInRoutes {
    static final String PATH = "/console/upload";
    static final String RECEIVED = PATH + "/received";
    static final String INCOMING_PREFIX = DraftRoutes.DRAFTS_PREFIX + "incoming/";
    private static final Pattern INCOMING = Pattern.compile(Pattern.quote(INCOMING_PREFIX) + "([0-9a-f-]{36})/([^/]{1,1024})");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final UploadForms forms;
    private final DraftStore drafts;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;

    UploadRoutes(UploadForms forms, DraftStore drafts, AuditTrail audit, Clock clock, ConsolePages pages, ConsoleReplies replies) {
        this.forms = forms;
        this.drafts = drafts;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        if (!request.path().equals(PATH) && !request.path().equals(RECEIVED)) {
            return Optional.empty();
        }
        if (!request.may(StaffRole.EDITOR)) {
            return Optional.of(replies.forbidden(pages.refusal(request.frame("upload"), "Only an editor can upload",
                    "Nothing was changed.")));
        }
        if (!request.isGet()) {
            return Optional.of(replies.methodNotAllowed("GET"));
        }
        return Optional.of(request.path().equals(PATH) ? uploadPage(request, 200, null) : receive(request));
    }

    private ConsoleResponse uploadPage(StaffRequest request, int status, String problem) {
        String formId = UUID.randomUUID().toString();
        UploadForm form = forms.issue(INCOMING_PREFIX + formId + "/", request.session().who().subject(),
                URI.create(request.request().baseUrl() + RECEIVED));
        return replies.uploadPage(status, pages.upload(request.frame("upload"), form, problem), form.origin());
    }

    private ConsoleResponse receive(StaffRequest request) {
        String key = request.queryValue("key");
        Matcher incoming = key == null ? null : INCOMING.matcher(key);
        if (incoming == null || !incoming.matches()) {
            return uploadPage(request, 400, "That was not an upload from this page. Choose the file again and upload it.");
        }
        Optional<IncomingFile> file = drafts.incoming(key, UploadText.maxBytes(key));
        if (file.isEmpty() || !file.get().uploadedBy().equals(request.session().who().subject())) {
            // Someone else's upload is left as it is, and not even its existence is confirmed.
            return uploadPage(request, 404, "No upload of yours was found there. Choose the file again and upload it.");
        }
        String draftPrefix = DraftRoutes.DRAFTS_PREFIX + incoming.group(1) + "/";
        Optional<String> refusal = drafts.anyUnder(draftPrefix)
                ? Optional.of("That upload form had been used already, so the file it sent again was not kept. Upload it from this page.")
                : refusal(fileName(incoming.group(2)), file.get());
        if (refusal.isPresent()) {
            drafts.discard(key);
            return uploadPage(request, 400, refusal.get());
        }
        String draftKey = draftPrefix + fileName(incoming.group(2));
        drafts.save(draftKey, file.get().content(), DraftRoutes.staffAsUploader(request));
        drafts.discard(key);
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.UPLOAD, draftKey));
        return replies.redirect("/console/" + draftKey, List.of());
    }

    private static Optional<String> refusal(String name, IncomingFile file) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown") && !lower.endsWith(".txt") && !lower.endsWith(".docx")) {
            return Optional.of("“" + name + "” is not an article file: upload a Word document (.docx), Markdown (.md) or plain text"
                    + " (.txt) file.");
        }
        if (file.tooLarge()) {
            return Optional.of("“" + name + "” is " + file.size() / 1024 + " KiB; an article may be at most "
                    + UploadText.maxBytes(name) / 1024 + " KiB" + (lower.endsWith(".docx") ? "" : " of text") + ".");
        }
        if (file.size() == 0) {
            return Optional.of("“" + name + "” is empty: choose the file with the article in it.");
        }
        return Optional.empty();
    }

    /**
     * The uploaded file's name as a key's last part: its own name without any folder a browser
     * sent, spaces as hyphens, and nothing outside letters, digits, dot, hyphen and underscore
     * ("article" if nothing of its name is left before the extension).
     */
    static String fileName(String given) {
        String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip().replace(' ', '-');
        int dot = base.lastIndexOf('.');
        String extension = dot < 0 ? "" : base.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
        String stem = (dot < 0 ? base : base.substring(0, dot)).replaceAll("[^A-Za-z0-9._-]", "").replaceFirst("^[._-]+", "");
        String safe = (stem.isEmpty() ? "article" : stem) + (extension.length() > 10 ? "" : extension);
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100).replaceFirst("^[._-]+", "");
        }
        return FILE_NAME.matcher(safe).matches() ? safe : "article.txt";
    }
}
