package despatch.console.web;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.StaffRole;
import despatch.console.SuppressionList;
import despatch.console.web.ConsoleViews.SuppressionRow;
import despatch.console.web.ConsoleViews.SuppressionsView;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriberStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The suppression list, for admins: every address Despatch no longer mails, newest first, with
 * why. It shows addresses (personal data), so each page read is in the audit trail.
 */
final class SuppressionRoutes implements SignedInRoutes {
    static final String PATH = SubscriberRoutes.PATH + "/suppressed";
    static final int PAGE = 25;

    private final SuppressionList suppressions;
    private final SubscriberStore subscribers;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final ConsoleFormat format;

    SuppressionRoutes(SuppressionList suppressions, SubscriberStore subscribers, AuditTrail audit, Clock clock, ConsolePages pages,
            ConsoleReplies replies, ConsoleFormat format) {
        this.suppressions = suppressions;
        this.subscribers = subscribers;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
        this.format = format;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        if (!request.path().equals(PATH)) {
            return Optional.empty();
        }
        if (!request.may(StaffRole.ADMIN)) {
            return Optional.of(replies.forbidden(pages.refusal(request.frame("subscribers"), "Only an admin can see the"
                    + " suppression list", "It shows constituents' addresses; the office's administrators read it.")));
        }
        if (!request.isGet()) {
            return Optional.of(replies.methodNotAllowed("GET"));
        }
        SuppressionList.Page page = suppressions.newestFirst(Optional.ofNullable(request.queryValue("after")), PAGE);
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.READ_SUPPRESSIONS, "suppression list"));
        List<SuppressionRow> rows = page.entries().stream().map(this::row).toList();
        String older = page.next().map(next -> PATH + "?after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).orElse(null);
        return Optional.of(replies.signedInPage(200, pages.suppressions(request.frame("subscribers"), new SuppressionsView(rows, older)),
                List.of()));
    }

    private SuppressionRow row(SuppressionList.Entry entry) {
        String address = entry.subscriberId().flatMap(subscribers::findSubscriber).map(subscriber -> subscriber.address().forDelivery())
                .orElse(entry.reason() == SubscriberStatus.ERASED ? "not kept (erased at their request)" : "no subscriber has it now");
        return new SuppressionRow(format.time(entry.at()), why(entry.reason()), address);
    }

    static String why(SubscriberStatus reason) {
        return switch (reason) {
            case BOUNCED -> "bounced for good: the address does not exist or refuses mail";
            case COMPLAINED -> "marked an email as spam";
            case ERASED -> "asked for their data to be erased";
            default -> reason.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
