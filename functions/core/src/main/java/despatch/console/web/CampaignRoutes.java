package despatch.console.web;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.ActionLink;
import despatch.console.web.ConsoleViews.CampaignDetailView;
import despatch.console.web.ConsoleViews.ConfirmView;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.DeliveryLedger;
import despatch.sending.StaffCampaignActions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Campaigns: every one with its counts, one with its unknown outcomes, and an approver's start,
 * cancel and resend, each asked once on a page of its own (GET) and done by its form (POST).
 * Every refusal (a role that does not allow it, a campaign in no state for it) changes nothing.
 */
final class CampaignRoutes implements SignedInRoutes {
    static final String PATH = "/console/campaigns";
    private static final int LISTED = 50;
    private static final Pattern ONE = Pattern.compile("/console/campaigns/(c-[a-z0-9-]{1,200})(?:/(start|cancel|resend-unknown))?");

    private final StaffCampaignActions campaigns;
    private final DeliveryLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final ConsoleFormat format;

    CampaignRoutes(StaffCampaignActions campaigns, DeliveryLedger ledger, AuditTrail audit, Clock clock, ConsolePages pages,
            ConsoleReplies replies, ConsoleFormat format) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
        this.format = format;
    }

    /** What can be done with a campaign, by whom, and what it says before and after. */
    private enum Action {
        START("start", "Start sending…", AuditAction.START),
        CANCEL("cancel", "Cancel sending…", AuditAction.CANCEL),
        RESEND_UNKNOWN("resend-unknown", "Send the unknown outcomes again…", AuditAction.RESEND_UNKNOWN);

        final String path;
        final String label;
        final AuditAction audited;

        Action(String path, String label, AuditAction audited) {
            this.path = path;
            this.label = label;
            this.audited = audited;
        }

        static Action at(String path) {
            for (Action action : values()) {
                if (action.path.equals(path)) {
                    return action;
                }
            }
            throw new IllegalArgumentException(path);
        }

        boolean allowedFor(Campaign campaign) {
            return switch (this) {
                case START -> campaign.mayStartByHand();
                case CANCEL -> !campaign.status().isFinished();
                case RESEND_UNKNOWN -> campaign.mayResendUnknown() && campaign.counts().unknown() > 0;
            };
        }
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        if (request.path().equals(PATH)) {
            return Optional.of(request.isGet() ? list(request) : replies.methodNotAllowed("GET"));
        }
        Matcher one = ONE.matcher(request.path());
        if (!one.matches()) {
            return Optional.empty();
        }
        Optional<Campaign> campaign = campaigns.find(one.group(1));
        if (campaign.isEmpty()) {
            return Optional.of(message(request, 404, "No such campaign", List.of("There is no campaign " + one.group(1) + ".")));
        }
        if (one.group(2) == null) {
            return Optional.of(request.isGet() ? detail(request, campaign.get()) : replies.methodNotAllowed("GET"));
        }
        Action action = Action.at(one.group(2));
        if (!request.may(StaffRole.APPROVER)) {
            return Optional.of(message(request, 403, "Only an approver can do that", List.of("Your role lets you see campaigns, not "
                    + action.label.replace("…", "").toLowerCase(java.util.Locale.ROOT) + ". Nothing was changed.")));
        }
        if (!action.allowedFor(campaign.get())) {
            return Optional.of(message(request, 409, "Not possible now", List.of(notNow(action, campaign.get()))));
        }
        return Optional.of(request.isGet() ? confirm(request, action, campaign.get())
                : request.isPost() ? act(request, action, campaign.get()) : replies.methodNotAllowed("GET, POST"));
    }

    private ConsoleResponse list(StaffRequest request) {
        List<CampaignRow> rows = campaigns.recent(LISTED).stream().map(campaign -> CampaignRow.of(campaign, format)).toList();
        return replies.signedInPage(200, pages.campaigns(request.frame("campaigns"), rows), List.of());
    }

    private ConsoleResponse detail(StaffRequest request, Campaign campaign) {
        List<ActionLink> actions = new ArrayList<>();
        boolean someAllowed = false;
        for (Action action : Action.values()) {
            if (action.allowedFor(campaign)) {
                someAllowed = true;
                if (request.may(StaffRole.APPROVER)) {
                    actions.add(new ActionLink(action.label, url(campaign, action), action != Action.START));
                }
            }
        }
        String fanOut = campaign.fanOutDone() ? "(every list read)" : campaign.status() == CampaignStatus.SENDING
                ? "(still reading the lists)" : "";
        CampaignDetailView view = new CampaignDetailView(CampaignRow.of(campaign, format), notice(request.queryValue("done")), fanOut,
                campaign.counts().unknown() > 0, actions, someAllowed && !request.may(StaffRole.APPROVER));
        return replies.signedInPage(200, pages.campaign(request.frame("campaigns"), view), List.of());
    }

    private ConsoleResponse confirm(StaffRequest request, Action action, Campaign campaign) {
        CampaignCounts counts = campaign.counts();
        ConfirmView view = switch (action) {
            case START -> new ConfirmView("Start sending “" + campaign.subject() + "”?", List.of(campaign.status() == CampaignStatus.HELD
                    ? "It was held because it would have started too late by itself. Its page goes on the site now, and the email to "
                    + lists(campaign) + " starts at once."
                    : "It was paused (SES stopped sending for the account). Sending continues where it stopped: nobody gets it twice."),
                    null, url(campaign, action), "Yes, start sending", detailUrl(campaign));
            case CANCEL -> new ConfirmView("Cancel “" + campaign.subject() + "”?", List.of(format.count(counts.sent())
                    + " people already have it, and that cannot be undone. Nobody else will get it."),
                    "Cancelling cannot be undone.", url(campaign, action), "Yes, cancel sending", detailUrl(campaign));
            case RESEND_UNKNOWN -> new ConfirmView("Send the unknown outcomes again?", List.of(format.count(counts.unknown())
                    + " sends ended without an answer from SES: each may or may not have arrived."),
                    "Some of these people may get the email twice.", url(campaign, action), "Yes, send them again", detailUrl(campaign));
        };
        return replies.signedInPage(200, pages.confirm(request.frame("campaigns"), view), List.of());
    }

    private ConsoleResponse act(StaffRequest request, Action action, Campaign campaign) {
        if (action == Action.RESEND_UNKNOWN) {
            if (campaigns.resendUnknown(campaign.id(), ledger) == 0) {
                return message(request, 409, "Nothing to send again yet", List.of("The unknown outcomes are all under ten minutes"
                        + " old: a send worker may still be finishing them. Try again in ten minutes. Nothing was changed."));
            }
        } else if (!(action == Action.START ? campaigns.startNow(campaign.id()) : campaigns.cancel(campaign.id()))) {
            // Someone else got there first: the campaign moved on between the page and the press.
            return message(request, 409, "Not possible now", List.of(notNow(action, campaigns.find(campaign.id()).orElse(campaign))));
        }
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), action.audited, campaign.id()));
        return replies.redirect(detailUrl(campaign) + "?done=" + action.path, List.of());
    }

    /** What the page after an action says was done. */
    private static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "start" -> "Sending has started.";
            case "cancel" -> "Cancelled. Nobody else will get it.";
            case "resend-unknown" -> "The unknown outcomes are queued to be sent again.";
            default -> null;
        };
    }

    private String notNow(Action action, Campaign campaign) {
        return "This campaign is " + CampaignRow.state(campaign.status()) + ", so it cannot be " + switch (action) {
            case START -> "started: only a held or paused campaign can.";
            case CANCEL -> "cancelled: it is over.";
            case RESEND_UNKNOWN -> "sent again: it has no unknown outcomes, or is not sending, paused or sent.";
        } + " Nothing was changed.";
    }

    private ConsoleResponse message(StaffRequest request, int status, String title, List<String> paragraphs) {
        return replies.signedInPage(status, pages.signedInMessage(request.frame("campaigns"), title, paragraphs, "All campaigns", PATH),
                List.of());
    }

    private String lists(Campaign campaign) {
        return String.join(" and ", format.office().displayNames(campaign.lists()));
    }

    private static String detailUrl(Campaign campaign) {
        return PATH + "/" + campaign.id();
    }

    private static String url(Campaign campaign, Action action) {
        return detailUrl(campaign) + "/" + action.path;
    }
}
