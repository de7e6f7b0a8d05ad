package despatch.console.web;

import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.console.LinkIds;
import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.ApprovalDesk;
import despatch.console.AuditTrail;
import despatch.console.ImportUploads;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.ConsentRow;
import despatch.console.web.ConsoleViews.ImportView;
import despatch.console.web.ConsoleViews.SubscriberView;
import despatch.console.web.ConsoleViews.SubscribersView;
import despatch.office.MailingList;
import despatch.subscription.AddressKey;
import despatch.subscription.AddressRecord;
import despatch.subscription.MemberCsv;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subscribers, for admins: each list's size and its growth, one subscriber looked up by their exact address
 * (never a search that lists people), and a list's members as CSV. A look-up and an export are
 * personal data about political opinion, so each is in the audit trail, by subscriber id or list,
 * never by address. The address is posted, never put in an address bar or a log.
 */
final class SubscriberRoutes implements SignedInRoutes {
    static final String PATH = "/console/subscribers";
    /** Lambda answers with at most 6 MB; a larger list is exported with ./despatch subscribers export. */
    static final int MAX_EXPORT_BYTES = 5 * 1024 * 1024;
    /** What a request through API Gateway and Lambda can carry, base64-encoded. */
    static final int MAX_IMPORT_BYTES = 4 * 1024 * 1024;
    private static final String IMPORTS = "imports/console/";
    private static final Pattern IMPORT_REPORT = Pattern.compile(PATH + "/imports/([A-Za-z0-9_-]{1,400})");

    private final SubscriberStore subscribers;
    private final ImportUploads imports;
    private final ListRows lists;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final ConsoleFormat format;

    SubscriberRoutes(SubscriberStore subscribers, ImportUploads imports, ListRows lists, AuditTrail audit, Clock clock, ConsolePages pages,
            ConsoleReplies replies, ConsoleFormat format) {
        this.subscribers = subscribers;
        this.imports = imports;
        this.lists = lists;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
        this.format = format;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        String path = request.path();
        Matcher report = IMPORT_REPORT.matcher(path);
        if (!path.equals(PATH) && !path.equals(PATH + "/look-up") && !path.equals(PATH + "/export") && !path.equals(PATH + "/import")
                && !report.matches()) {
            return Optional.empty();
        }
        if (!request.may(StaffRole.ADMIN)) {
            return Optional.of(replies.forbidden(pages.refusal(request.frame("subscribers"), "Only an admin can see subscribers",
                    "Subscribers' details are personal data; the office's administrators look them up.")));
        }
        if (report.matches()) {
            return Optional.of(request.isGet() ? importReport(request, report.group(1)) : replies.methodNotAllowed("GET"));
        }
        return Optional.of(switch (path) {
            case PATH -> request.isGet() ? overview(request, null, 200) : replies.methodNotAllowed("GET");
            case PATH + "/look-up" -> request.isPost() ? lookUp(request) : replies.methodNotAllowed("POST");
            case PATH + "/import" -> request.isPost() ? upload(request) : replies.methodNotAllowed("POST");
            default -> request.isPost() ? export(request) : replies.methodNotAllowed("POST");
        });
    }

    /**
     * A CSV as staff export it from a spreadsheet: kept under imports/, where the import starts as
     * it does for an upload to S3, then its report's page.
     */
    private ConsoleResponse upload(StaffRequest request) {
        Optional<MultipartForm.Part> file = request.multipart().file("csv");
        if (file.isEmpty()) {
            return overview(request, "Choose a CSV file to import (see “Importing subscribers” in the documentation for its columns).", 400);
        }
        String name = UploadRoutes.fileName(file.get().fileName());
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return overview(request, "“" + name + "” is not a CSV file: save the spreadsheet as CSV (UTF-8), then import that.", 400);
        }
        if (file.get().content().length > MAX_IMPORT_BYTES) {
            return overview(request, "“" + name + "” is larger than the console takes (" + MAX_IMPORT_BYTES / (1024 * 1024) + " MB): upload it"
                    + " under imports/ in the uploads bucket instead, which takes up to 64 MB.", 413);
        }
        // The import's trigger and its report's page match ".csv" exactly, whatever case the file's name used.
        String key = IMPORTS + LocalDate.now(clock.withZone(format.office().zone())) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "-" + name.substring(0, name.length() - 4) + ".csv";
        imports.put(key, file.get().content());
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.IMPORT, key));
        return replies.redirect(PATH + "/imports/" + LinkIds.of(key), List.of());
    }

    private ConsoleResponse importReport(StaffRequest request, String id) {
        String key = LinkIds.key(id).orElse("");
        if (!key.startsWith(IMPORTS) || !key.endsWith(".csv")) {
            return replies.signedInPage(404, pages.signedInMessage(request.frame("subscribers"), "No such import", List.of("There is no"
                    + " import at this address."), "Subscribers", PATH), List.of());
        }
        Optional<String> report = imports.report(key);
        return replies.signedInPage(200, pages.importReport(request.frame("subscribers"), new ImportView(key.substring(IMPORTS.length()),
                report.orElse(null), PATH + "/imports/" + id)), List.of());
    }

    private ConsoleResponse overview(StaffRequest request, String problem, int status) {
        ListRows.Counted counted = lists.rows();
        return replies.signedInPage(status, pages.subscribers(request.frame("subscribers"), new SubscribersView(counted.rows(),
                counted.countedAt(), problem == null ? "" : problem)), List.of());
    }

    private ConsoleResponse lookUp(StaffRequest request) {
        String typed = Optional.ofNullable(request.formValue("email")).orElse("").strip();
        EmailAddress address;
        try {
            address = EmailAddress.parse(typed);
        } catch (InvalidEmailAddressException e) {
            return overview(request, "Enter one whole email address, like name@example.com: a look-up finds one exact address, never a"
                    + " list of people.", 400);
        }
        Optional<AddressRecord> record = subscribers.findAddress(AddressKey.of(address));
        Optional<Subscriber> subscriber = record.flatMap(AddressRecord::subscriberId).flatMap(subscribers::findSubscriber);
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.LOOK_UP,
                subscriber.map(Subscriber::id).orElse(record.isPresent() ? "suppressed address" : "no match")));
        if (subscriber.isEmpty()) {
            String found = record.flatMap(AddressRecord::suppression).map(reason -> "That address is not subscribed. It is on the"
                    + " suppression list (" + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): Despatch sends it nothing.")
                    .orElse("Nobody with that address is subscribed, or has been since their data was erased.");
            return overview(request, found, 200);
        }
        return replies.signedInPage(200, pages.subscriber(request.frame("subscribers"), view(subscriber.get(), record.get())), List.of());
    }

    private SubscriberView view(Subscriber subscriber, AddressRecord record) {
        List<ConsentRow> consent = subscriber.consents().stream().map(entry -> new ConsentRow(format.time(entry.at()),
                entry.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), String.join(", ", format.office().displayNames(entry.lists())),
                entry.source().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (entry.wordingVersion().isBlank() ? ""
                        : ", wording " + entry.wordingVersion()))).toList();
        String suppression = record.suppression().map(reason -> reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + record.suppressedAt().map(at -> " since " + format.time(at)).orElse("")).orElse("none");
        return new SubscriberView(subscriber.address().forDelivery(), subscriber.name(), subscriber.postcode(),
                subscriber.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                String.join(", ", format.office().displayNames(subscriber.lists())), suppression, consent);
    }

    private ConsoleResponse export(StaffRequest request) {
        String list = Optional.ofNullable(request.formValue("list")).orElse("");
        MailingList mailingList = format.office().lists().get(list);
        if (mailingList == null) {
            return overview(request, "There is no list “" + list + "” to export.", 400);
        }
        StringWriter csv = new StringWriter();
        long count;
        try {
            count = MemberCsv.export(subscribers, list, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (csv.toString().getBytes(StandardCharsets.UTF_8).length > MAX_EXPORT_BYTES) {
            return overview(request, mailingList.displayName() + " has " + format.count(count) + " members: more than a download from the"
                    + " console can carry. Export it with ./despatch subscribers export " + list + " against the office's stack.", 413);
        }
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.EXPORT, list));
        return replies.download("text/csv; charset=utf-8", list + "-" + LocalDate.now(clock.withZone(format.office().zone())) + ".csv",
                csv.toString());
    }
}
