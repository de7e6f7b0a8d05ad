package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.SubscriptionsFactory;
import despatch.lambda.wiring.Wiring;
import despatch.subscription.web.SubscriptionApi;
import despatch.subscription.web.WebRequest;
import despatch.subscription.web.WebResponse;
import java.util.Map;
import org.crac.Core;

/**
 * SubscriptionFunction: the HTTP API constituents use to subscribe, confirm, choose lists,
 * leave and manage their data. Logs as {@link HttpApiLog} says: never an address, a token or
 * the request itself.
 */
public class SubscriptionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, PrimedBySnapStart {
    private final SubscriptionApi api;
    private final String publicApiUrl;
    private final Runnable priming;
    private final HttpApiLog log = new HttpApiLog("subscription");

    public SubscriptionHandler() {
        this(Wiring.fromEnvironment(Setting.Function.SubscriptionFunction));
        Core.getGlobalContext().register(this);
    }

    public SubscriptionHandler(Wiring wiring) {
        SubscriptionsFactory subscriptions = new SubscriptionsFactory(wiring);
        this.api = subscriptions.subscriptionApi();
        this.priming = subscriptions::prime;
        this.publicApiUrl = wiring.settings().optional(Setting.PUBLIC_API_URL);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest request = ApiGatewayRequests.toWebRequest(event, publicApiUrl);
        return ApiGatewayRequests.toResponse(log.answer(event, () -> api.handle(request), () -> api.failure(request), WebResponse::status));
    }

    @Override
    public void prime() {
        // Render the form once so Thymeleaf parses and caches it before the snapshot.
        api.handle(new WebRequest("GET", "/subscribe", Map.of(), Map.of(), "", "https://snapshot.invalid", ""));
        priming.run();
    }
}
