package despatch.subscription;

import despatch.office.Office;
import despatch.render.DataExportView;
import despatch.render.LinkEmailView;
import despatch.render.RenderedEmail;
import despatch.render.SubscriptionRenderer;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/** The wording of each transactional email, rendered into both parts. */
public final class SubscriptionEmails {
    private final Office office;
    private final SubscriptionRenderer renderer;
    private final DateTimeFormatter when;

    public SubscriptionEmails(Office office, SubscriptionRenderer renderer) {
        this.office = office;
        this.renderer = renderer;
        this.when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", office.language()).withZone(office.zone());
    }

    OutgoingEmail confirmation(Subscriber subscriber, SubscriptionLinks links) {
        String subject = "Confirm your subscription to " + office.name();
        String lists = listNames(subscriber.pendingLists());
        return email(subscriber, new LinkEmailView(subject, "One click to start getting " + lists + ".",
                List.of("Someone, we hope you, asked to get " + lists + " from " + office.name() + " at this address.",
                        "Confirm to start. Nothing is sent until you do."),
                "Yes, subscribe me", links.confirmUrl(subscriber),
                List.of("This link works for 7 days.",
                        "If you did not ask for this, ignore this email: you will not hear from us again.")));
    }

    OutgoingEmail alreadySubscribed(Subscriber subscriber, SubscriptionLinks links) {
        String subject = "You are already subscribed to " + office.name();
        return email(subscriber, new LinkEmailView(subject, "Manage your lists here.",
                List.of("Someone, we hope you, asked to subscribe this address, but you already get "
                        + listNames(subscriber.lists()) + "."),
                "Manage my subscription", links.preferencesUrl(subscriber.id()),
                List.of("If you did not ask for this, ignore this email: nothing has changed.")));
    }

    OutgoingEmail dataLink(Subscriber subscriber, SubscriptionLinks links) {
        String subject = "Your data held by " + office.name();
        return email(subscriber, new LinkEmailView(subject, "A link to see, export or erase your data.",
                List.of("Someone, we hope you, asked to see or erase the data " + office.name() + " holds about this address.",
                        "From this link you can change your lists, have a copy of your data emailed to you, or erase it."),
                "See my subscription and data", links.dataUrl(subscriber.id()),
                List.of("This link works for 24 hours.", "If you did not ask for this, ignore this email: nothing has changed.")));
    }

    OutgoingEmail export(Subscriber subscriber, SubscriptionLinks links) {
        String subject = "A copy of your data held by " + office.name();
        List<DataExportView.ConsentLine> consents = subscriber.consents().stream()
                .map(c -> new DataExportView.ConsentLine(when.format(c.at()), c.action().name().toLowerCase(java.util.Locale.ROOT),
                        listNames(c.lists()), c.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        c.ipAddress(), c.userAgent(), c.wordingVersion(), c.evidence()))
                .toList();
        DataExportView view = new DataExportView(subscriber.address().forDelivery(), subscriber.name(), subscriber.postcode(),
                subscriber.status().name().toLowerCase(java.util.Locale.ROOT), names(subscriber.lists()),
                names(subscriber.pendingLists()), when.format(subscriber.createdAt()), consents,
                links.preferencesUrl(subscriber.id()));
        RenderedEmail rendered = renderer.dataExport(subject, view);
        return new OutgoingEmail(subscriber.address(), rendered.subject(), rendered.html(), rendered.text());
    }

    private OutgoingEmail email(Subscriber subscriber, LinkEmailView view) {
        RenderedEmail rendered = renderer.linkEmail(view);
        return new OutgoingEmail(subscriber.address(), rendered.subject(), rendered.html(), rendered.text());
    }

    /** "the Newsletter and Press releases", in the office's order. */
    String listNames(Collection<String> ids) {
        List<String> names = names(ids);
        if (names.isEmpty()) {
            return "no lists";
        }
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return "the " + joined;
    }

    List<String> names(Collection<String> ids) {
        return office.displayNames(ids);
    }

}
