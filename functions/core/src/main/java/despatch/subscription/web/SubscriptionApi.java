package despatch.subscription.web;

import despatch.office.Office;
import despatch.render.FieldError;
import despatch.render.MyDataFormView;
import despatch.render.SubscribeFormView;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.subscription.InvalidLinkException;
import despatch.subscription.InvalidRequestException;
import despatch.subscription.RequestOrigin;
import despatch.subscription.SubscribeRequest;
import despatch.subscription.SubscribeRequestCheck;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.SubscriptionPaths;
import despatch.subscription.SubscriptionService;
import despatch.subscription.TokenPurpose;
import despatch.subscription.TooManyRequestsException;
import despatch.subscription.ValidSubscription;
import despatch.subscription.web.RequestFields.BadBodyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscription API: one method per route, each a translation between HTTP and one call to
 * {@link SubscriptionService}. Changes happen on POST only; every GET that a link in an email
 * leads to shows a page with a button, so mail scanners that follow links change nothing.
 */
public final class SubscriptionApi {
    /** Every route this API answers, as API Gateway route keys; template.yaml must declare exactly these. */
    public static final java.util.List<String> ROUTES = java.util.List.of(
            "GET /subscribe", "POST /subscriptions", "GET /confirm", "POST /confirm", "GET /preferences", "POST /preferences",
            "GET /unsubscribe", "POST /unsubscribe", "GET /my-data", "POST /my-data", "POST /my-data/export", "POST /my-data/erase");

    /** For 405 answers: the methods each path takes, from {@link #ROUTES}. */
    private static final Map<String, String> ALLOWED = ROUTES.stream().collect(java.util.stream.Collectors.groupingBy(
            route -> route.substring(route.indexOf(' ') + 1),
            java.util.stream.Collectors.mapping(route -> route.substring(0, route.indexOf(' ')),
                    java.util.stream.Collectors.joining(", "))));

    private final SubscriptionService service;
    private final SubscribeRequestCheck check;
    private final SubscriptionRenderer renderer;
    private final PageModels pages;
    private final Responses responses;
    private final Office office;

    public SubscriptionApi(Office office, SubscriptionService service, SubscriptionRenderer renderer) {
        this.office = office;
        this.service = service;
        this.check = new SubscribeRequestCheck(office);
        this.renderer = renderer;
        this.pages = new PageModels(office);
        this.responses = new Responses(renderer);
    }

    public WebResponse handle(WebRequest request) {
        SubscriptionLinks links = service.links(request.baseUrl());
        try {
            return switch (request.method() + " " + request.path()) {
                case "GET /subscribe" -> subscribePage(request, links);
                case "POST /subscriptions" -> subscribe(request, links);
                case "GET /confirm" -> confirmPage(request, links);
                case "POST /confirm" -> confirm(request, links);
                case "GET /preferences" -> preferencesPage(request, links);
                case "POST /preferences" -> savePreferences(request, links);
                case "GET /unsubscribe" -> unsubscribePage(request, links);
                case "POST /unsubscribe" -> unsubscribe(request, links);
                case "GET /my-data" -> myDataPage(request, links);
                case "POST /my-data" -> requestDataLink(request, links);
                case "POST /my-data/export" -> export(request, links);
                case "POST /my-data/erase" -> erase(request, links);
                default -> unknownRoute(request);
            };
        } catch (InvalidLinkException e) {
            return responses.message(request, e.problem().status(),
                    new despatch.render.MessageView(e.problem().title(), List.of(e.problem().advice()), "Sign up again",
                            links.url(SubscriptionPaths.SUBSCRIBE_PAGE)),
                    Map.of("type", "about:blank", "title", e.problem().title(), "status", e.problem().status(),
                            "detail", e.problem().advice()));
        } catch (BadBodyException e) {
            return responses.problem(request, 400, "The request could not be read", e.getMessage());
        } catch (TooManyRequestsException e) {
            return responses.withHeader(responses.problem(request, 429, "Too many requests today",
                    "This network has made too many sign-up requests today. Please try again tomorrow."), "Retry-After", "86400");
        }
    }

    /** What a person sees when something on our side failed: nothing they did, and worth trying again. */
    public WebResponse failure(WebRequest request) {
        return responses.withHeader(responses.problem(request, 503, "Something went wrong on our side",
                "Nothing you did caused this. Please try again in a few minutes."), "Retry-After", "120");
    }

    private WebResponse subscribePage(WebRequest request, SubscriptionLinks links) {
        List<String> chosen = request.query().getOrDefault("list", List.of());
        SubscribeFormView form = pages.subscribeForm(links, "", "", "", chosen, List.of());
        return responses.pageOrJson(request, 200, () -> renderer.subscribePage("Subscribe to " + office.name(), form),
                JsonViews.subscribeForm(form));
    }

    private WebResponse myDataPage(WebRequest request, SubscriptionLinks links) {
        MyDataFormView form = pages.myDataForm(links, "", List.of());
        return responses.pageOrJson(request, 200, () -> renderer.myDataPage("Your data", form), JsonViews.myDataForm(form));
    }

    private WebResponse subscribe(WebRequest request, SubscriptionLinks links) throws BadBodyException, TooManyRequestsException {
        RequestFields fields = RequestFields.of(request);
        SubscribeRequest typed = new SubscribeRequest(fields.first("email"), fields.first("name"), fields.first("postcode"),
                fields.all("lists"), fields.first("wording"));
        ValidSubscription valid;
        try {
            valid = check.check(typed);
        } catch (InvalidRequestException e) {
            if (Responses.wantsJson(request)) {
                return responses.problem(request, 400, "Check the subscription details", "Some fields need fixing.", e.errors());
            }
            return responses.page(400, renderer.subscribePage("Subscribe to " + office.name(),
                    pages.subscribeForm(links, typed.email(), typed.name(), typed.postcode(), typed.lists(), e.errors())));
        }
        service.subscribe(valid, origin(request, ConsentSource.FORM), links);
        return responses.message(request, 202, pages.checkYourEmail(), Map.of("status", "confirmation-sent",
                "detail", "If the address can receive mail, a link to confirm is on its way. It works for 7 days."));
    }

    private WebResponse confirmPage(WebRequest request, SubscriptionLinks links) throws InvalidLinkException {
        String token = request.queryValue("token");
        Subscriber subscriber = service.checkConfirmation(token);
        if (subscriber.pendingLists().isEmpty() && subscriber.status() == SubscriberStatus.ACTIVE) {
            return responses.message(request, 200, pages.confirmed(links, subscriber), Map.of("status", "active"));
        }
        return responses.action(request, pages.confirmPage(links, token, subscriber),
                Map.of("lists", List.copyOf(subscriber.pendingLists())));
    }

    private WebResponse confirm(WebRequest request, SubscriptionLinks links) throws BadBodyException, InvalidLinkException {
        String token = RequestFields.of(request).firstOr("token", request);
        Subscriber subscriber = service.confirm(token, origin(request, ConsentSource.EMAIL_LINK));
        return responses.message(request, 200, pages.confirmed(links, subscriber),
                Map.of("status", "active", "lists", List.copyOf(subscriber.lists())));
    }

    private WebResponse preferencesPage(WebRequest request, SubscriptionLinks links) throws InvalidLinkException {
        String token = request.queryValue("token");
        Subscriber subscriber = service.subscriberFor(TokenPurpose.PREFERENCES, token);
        return preferences(request, links, token, subscriber, null);
    }

    private WebResponse savePreferences(WebRequest request, SubscriptionLinks links) throws BadBodyException, InvalidLinkException {
        RequestFields fields = RequestFields.of(request);
        String token = fields.firstOr("token", request);
        List<FieldError> errors = new ArrayList<>();
        Set<String> lists = new LinkedHashSet<>(fields.all("lists").isEmpty() ? Set.of() : check.lists(fields.all("lists"), errors));
        if (!errors.isEmpty()) {
            return responses.problem(request, 400, "Check your choices", errors.get(0).message(), errors);
        }
        Subscriber subscriber = service.choose(token, lists, origin(request, ConsentSource.EMAIL_LINK), links);
        String notice = switch (subscriber.status()) {
            case ACTIVE -> "Saved. You get " + pages.names(subscriber.lists()) + ".";
            case PENDING -> "We have emailed you a link to confirm " + pages.names(subscriber.pendingLists()) + ".";
            default -> "Saved. You are not subscribed to any list.";
        };
        return preferences(request, links, token, subscriber, notice);
    }

    private WebResponse preferences(WebRequest request, SubscriptionLinks links, String token, Subscriber subscriber, String notice) {
        if (Responses.wantsJson(request)) {
            return responses.json(200, Map.of("status", subscriber.status().name().toLowerCase(java.util.Locale.ROOT),
                    "lists", List.copyOf(subscriber.lists()), "pendingLists", List.copyOf(subscriber.pendingLists())));
        }
        return responses.page(200, renderer.preferencesPage("Your subscription", pages.preferences(links, token, subscriber, notice)));
    }

    private WebResponse unsubscribePage(WebRequest request, SubscriptionLinks links) throws InvalidLinkException {
        String token = request.queryValue("token");
        service.subscriberFor(TokenPurpose.UNSUBSCRIBE, token);
        return responses.action(request, pages.unsubscribePage(links, token), Map.of());
    }

    /** RFC 8058: a POST whose body is exactly List-Unsubscribe=One-Click leaves at once, no page needed. */
    private WebResponse unsubscribe(WebRequest request, SubscriptionLinks links) throws BadBodyException, InvalidLinkException {
        RequestFields fields = RequestFields.of(request);
        String token = fields.firstOr("token", request);
        if (fields.isOneClickUnsubscribe()) {
            service.unsubscribe(token, origin(request, ConsentSource.ONE_CLICK));
            return new WebResponse(200, Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"),
                    "Unsubscribed.\n");
        }
        Subscriber subscriber = service.unsubscribe(token, origin(request, ConsentSource.EMAIL_LINK));
        return responses.message(request, 200, pages.unsubscribed(links, subscriber), Map.of("status", "unsubscribed"));
    }

    private WebResponse requestDataLink(WebRequest request, SubscriptionLinks links) throws BadBodyException, TooManyRequestsException {
        String typed = RequestFields.of(request).first("email");
        EmailAddress address;
        try {
            address = EmailAddress.parse(typed);
        } catch (InvalidEmailAddressException e) {
            List<FieldError> errors = List.of(new FieldError("email", e.getMessage()));
            if (Responses.wantsJson(request)) {
                return responses.problem(request, 400, "Check the email address", e.getMessage(), errors);
            }
            return responses.page(400, renderer.myDataPage("Your data", pages.myDataForm(links, typed, errors)));
        }
        service.requestDataLink(address, origin(request, ConsentSource.FORM), links);
        return responses.message(request, 202, pages.dataLinkSent(), Map.of("status", "link-sent-if-subscribed"));
    }

    private WebResponse export(WebRequest request, SubscriptionLinks links) throws BadBodyException, InvalidLinkException {
        String token = RequestFields.of(request).firstOr("token", request);
        service.exportData(token, links);
        return responses.message(request, 202, pages.exportSent(links, token), Map.of("status", "export-emailed"));
    }

    /**
     * Erasure cannot be undone. It needs a data link (mailed on request, valid 24 hours): from a
     * preferences link, which every newsletter carries and anyone it is forwarded to holds, the
     * button mails one. With a data link, one more page asks before anything is deleted.
     */
    private WebResponse erase(WebRequest request, SubscriptionLinks links) throws BadBodyException, InvalidLinkException {
        RequestFields fields = RequestFields.of(request);
        String token = fields.firstOr("token", request);
        if (!service.isDataLink(token)) {
            service.mailDataLink(token, links);
            return responses.message(request, 202, pages.eraseLinkSent(), Map.of("status", "erase-link-emailed"));
        }
        if (!"yes".equals(fields.firstOr("confirmed", request))) {
            service.subscriberFor(TokenPurpose.DATA, token);
            return responses.action(request, pages.erasePage(links, token), Map.of());
        }
        service.erase(token);
        return responses.message(request, 200, pages.erased(), Map.of("status", "erased"));
    }

    private WebResponse unknownRoute(WebRequest request) {
        String allowed = ALLOWED.get(request.path());
        if (allowed != null) {
            return responses.withHeader(responses.problem(request, 405, "Method not allowed",
                    request.method() + " is not used here; use " + allowed + "."), "Allow", allowed);
        }
        return responses.problem(request, 404, "Page not found",
                "There is no page at this address. To subscribe, go to " + SubscriptionPaths.SUBSCRIBE_PAGE + ".");
    }

    private static RequestOrigin origin(WebRequest request, ConsentSource source) {
        return RequestOrigin.web(source, request.ipAddress(), request.header("user-agent"));
    }
}
