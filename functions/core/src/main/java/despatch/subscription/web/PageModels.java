package despatch.subscription.web;

import despatch.office.Office;
import despatch.render.ActionView;
import despatch.render.FieldError;
import despatch.render.ListChoice;
import despatch.render.MessageView;
import despatch.render.MyDataFormView;
import despatch.render.PreferencesView;
import despatch.render.SubscribeFormView;
import despatch.subscription.SubscribeRequestCheck;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.SubscriptionPaths;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The views each page shows, worded for constituents. */
final class PageModels {
    private final Office office;

    PageModels(Office office) {
        this.office = office;
    }

    SubscribeFormView subscribeForm(SubscriptionLinks links, String email, String name, String postcode, Collection<String> chosen,
            List<FieldError> errors) {
        return new SubscribeFormView(links.url(SubscriptionPaths.SUBSCRIPTIONS), choices(chosen), blank(email), blank(name),
                blank(postcode), SubscribeRequestCheck.CURRENT_WORDING, errors, links.url(SubscriptionPaths.MY_DATA));
    }

    MyDataFormView myDataForm(SubscriptionLinks links, String email, List<FieldError> errors) {
        return new MyDataFormView(links.url(SubscriptionPaths.MY_DATA), blank(email), errors);
    }

    PreferencesView preferences(SubscriptionLinks links, String token, Subscriber subscriber, String notice) {
        Set<String> ticked = subscriber.status().receivesMail() ? subscriber.lists() : Set.of();
        return new PreferencesView(token, links.url(SubscriptionPaths.PREFERENCES), choices(ticked), notice,
                links.url(SubscriptionPaths.UNSUBSCRIBE), links.url(SubscriptionPaths.EXPORT), links.url(SubscriptionPaths.ERASE));
    }

    ActionView confirmPage(SubscriptionLinks links, String token, Subscriber subscriber) {
        return new ActionView("Confirm your subscription",
                List.of("You asked to get " + names(subscriber.pendingLists()) + " from " + office.name() + ".",
                        "Press the button to confirm. You can leave at any time from a link in every email."),
                "Confirm my subscription", links.url(SubscriptionPaths.CONFIRM), token, false);
    }

    ActionView unsubscribePage(SubscriptionLinks links, String token) {
        return new ActionView("Unsubscribe",
                List.of("Press the button and you will get no more emails from " + office.name() + "."),
                "Unsubscribe", links.url(SubscriptionPaths.UNSUBSCRIBE), token, false);
    }

    ActionView erasePage(SubscriptionLinks links, String token) {
        return new ActionView("Erase your data",
                List.of("This deletes your address, name, postcode, lists and consent history. It cannot be undone.",
                        "We keep only a fingerprint of your address (a SHA-256 hash), so that we never email it again unless you sign up afresh."),
                "Erase my data", links.url(SubscriptionPaths.ERASE) + "?confirmed=yes", token, true);
    }

    MessageView checkYourEmail() {
        return new MessageView("Check your email",
                List.of("We have sent a link to the address you gave. Open it to confirm your subscription; it works for 7 days.",
                        "Nothing arrives? Look in your spam folder, or sign up again tomorrow."),
                "Back to " + office.name(), office.siteBaseUrl());
    }

    MessageView confirmed(SubscriptionLinks links, Subscriber subscriber) {
        return new MessageView("You are subscribed",
                List.of("You will get " + names(subscriber.lists()) + " from " + office.name() + ".",
                        "Every email has a link to change your lists or leave."),
                "Manage your subscription", links.preferencesUrl(subscriber.id()));
    }

    MessageView unsubscribed(SubscriptionLinks links, Subscriber subscriber) {
        return new MessageView("You have unsubscribed",
                List.of("You will get no more emails from " + office.name() + ". It can take a day for emails already on their way to stop."),
                "Changed your mind? Choose lists again", links.preferencesUrl(subscriber.id()));
    }

    MessageView dataLinkSent() {
        return new MessageView("Check your email",
                List.of("If that address is subscribed, we have sent it a link. From there you can get a copy of your data or erase it.",
                        "We never show personal data on this page: only the owner of the address can see it."),
                "Back to " + office.name(), office.siteBaseUrl());
    }

    MessageView exportSent(SubscriptionLinks links, String token) {
        return new MessageView("We have emailed you your data",
                List.of("A copy of everything we hold about you is on its way to your address."),
                "Back to your subscription", links.url(SubscriptionPaths.PREFERENCES) + "?token=" + java.net.URLEncoder.encode(token,
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    MessageView eraseLinkSent() {
        return new MessageView("Check your email",
                List.of("To make sure it is you, we have emailed your address a link. Open it and press \u201cErase my data\u201d again; "
                        + "the link works for 24 hours.",
                        "Links in newsletters can be forwarded, so they cannot erase anything on their own."),
                "Back to " + office.name(), office.siteBaseUrl());
    }

    MessageView erased() {
        return new MessageView("Your data has been erased",
                List.of("We have deleted your address, name, postcode, lists and consent history.",
                        "We keep only a fingerprint of the address (a SHA-256 hash) so that we never email it again unless you sign up afresh."),
                "Back to " + office.name(), office.siteBaseUrl());
    }

    String names(Collection<String> ids) {
        List<String> names = office.displayNames(ids);
        return names.isEmpty() ? "no lists" : String.join(", ", names);
    }

    private List<ListChoice> choices(Collection<String> ticked) {
        return office.lists().values().stream()
                .map(list -> new ListChoice(list.id(), list.displayName(), list.description(), ticked.contains(list.id())))
                .toList();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
