package despatch.subscription;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The signed links a subscriber gets, on the API's public address. A confirmation link names
 * the pending request's nonce as well as the subscriber, so it cannot outlive that request.
 */
public final class SubscriptionLinks {
    static final String NONCE_SEPARATOR = "~";

    private final String baseUrl;
    private final TokenSigner signer;

    public SubscriptionLinks(String baseUrl, TokenSigner signer) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.signer = signer;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String confirmUrl(Subscriber subscriber) {
        return withToken(SubscriptionPaths.CONFIRM, signer.sign(TokenPurpose.CONFIRM,
                subscriber.id() + NONCE_SEPARATOR + subscriber.confirmationNonce()));
    }

    public String preferencesUrl(String subscriberId) {
        return withToken(SubscriptionPaths.PREFERENCES, signer.sign(TokenPurpose.PREFERENCES, subscriberId));
    }

    /** The preferences page with a short-lived data token: from it the subscriber may also erase. */
    public String dataUrl(String subscriberId) {
        return withToken(SubscriptionPaths.PREFERENCES, signer.sign(TokenPurpose.DATA, subscriberId));
    }

    public String unsubscribeUrl(String subscriberId) {
        return withToken(SubscriptionPaths.UNSUBSCRIBE, signer.sign(TokenPurpose.UNSUBSCRIBE, subscriberId));
    }

    public String url(String path) {
        return baseUrl + path;
    }

    private String withToken(String path, String token) {
        return baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
