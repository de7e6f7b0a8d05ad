package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import despatch.console.web.ConsoleResponse;
import despatch.console.web.Console;
import despatch.lambda.wiring.ConsoleFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.subscription.web.WebRequest;
import java.util.Map;
import org.crac.Core;

/** ConsoleFunction: the staff console under /console. Logs as {@link HttpApiLog} says. */
public class ConsoleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, PrimedBySnapStart {
    private final ConsoleFactory factory;
    private final Console console;
    private final String publicApiUrl;
    private final HttpApiLog log = new HttpApiLog("console");

    public ConsoleHandler() {
        this(Wiring.fromEnvironment(Setting.Function.ConsoleFunction));
        Core.getGlobalContext().register(this);
    }

    public ConsoleHandler(Wiring wiring) {
        this.factory = new ConsoleFactory(wiring);
        this.console = factory.console();
        this.publicApiUrl = wiring.settings().optional(Setting.PUBLIC_API_URL);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest request = ApiGatewayRequests.toWebRequest(event, publicApiUrl);
        return ApiGatewayRequests.toResponse(log.answer(event, () -> console.handle(request), console::failure, ConsoleResponse::status));
    }

    @Override
    public void prime() {
        // The signed-out page: Thymeleaf parses the layout and the message page before the snapshot.
        console.handle(new WebRequest("GET", "/console/signed-out", Map.of(), Map.of(), "", "https://snapshot.invalid", ""));
        console.primePages();
        factory.prime();
    }
}
