package despatch.lambda.signin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at the identity provider's sign-in page, as a browser without JavaScript would be:
 * follows the provider's redirects, fills in the form it serves, and stops at the first address
 * outside the provider (the console's redirect address, which nothing here serves).
 */
final class ProviderSignInPage {
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern SIGN_OUT_FORM = Pattern.compile("<form id=\"op.logoutForm\" method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern XSRF = Pattern.compile("name=\"xsrf\" value=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI issuer;

    ProviderSignInPage(URI issuer) {
        this.issuer = issuer;
    }

    /**
     * Where the browser ended: {@code leftProviderAt} is the address outside the provider it was
     * sent to (null if it stayed), and {@code page} what the provider showed last.
     */
    record Outcome(URI leftProviderAt, int status, String page) {
    }

    Outcome signIn(URI authorizationUrl, String email, String password) throws IOException, InterruptedException {
        Outcome signInPage = follow(send(HttpRequest.newBuilder(authorizationUrl).GET()));
        Matcher action = FORM_ACTION.matcher(signInPage.page());
        if (signInPage.leftProviderAt() != null || !action.find()) {
            return signInPage;
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return follow(send(HttpRequest.newBuilder(issuer.resolve(action.group(1)))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** Ends the provider's session at its sign-out address, answering its question with yes. */
    Outcome signOut(URI signOutUrl) throws IOException, InterruptedException {
        Outcome question = follow(send(HttpRequest.newBuilder(signOutUrl).GET()));
        Matcher action = SIGN_OUT_FORM.matcher(question.page());
        Matcher xsrf = XSRF.matcher(question.page());
        if (question.leftProviderAt() != null || !action.find() || !xsrf.find()) {
            return question;
        }
        return follow(send(HttpRequest.newBuilder(issuer.resolve(action.group(1))).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("xsrf=" + URLEncoder.encode(xsrf.group(1), StandardCharsets.UTF_8) + "&logout=yes"))));
    }

    /** Whether starting this sign-in shows the provider's form, rather than sending the browser straight back. */
    boolean asksForThePassword(URI authorizationUrl) throws IOException, InterruptedException {
        Outcome outcome = follow(send(HttpRequest.newBuilder(authorizationUrl).GET()));
        return outcome.leftProviderAt() == null && FORM_ACTION.matcher(outcome.page()).find();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Outcome follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int i = 0; i < MAX_REDIRECTS && response.statusCode() / 100 == 3; i++) {
            URI next = response.uri().resolve(response.headers().firstValue("location").orElseThrow());
            if (!next.getAuthority().equals(issuer.getAuthority())) {
                return new Outcome(next, response.statusCode(), response.body());
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return new Outcome(null, response.statusCode(), response.body());
    }
}
