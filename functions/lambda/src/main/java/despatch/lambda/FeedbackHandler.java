package despatch.lambda;

import org.crac.Core;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import despatch.feedback.FeedbackService;
import despatch.feedback.MailFeedback;
import despatch.feedback.SesFeedbackParser;
import despatch.lambda.wiring.FeedbackFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FeedbackFunction: SES bounce and complaint events, published by the sending configuration set
 * to SNS. Hard bounces and complaints suppress the address; soft bounces are counted. Logs the
 * kind and counts, never an address. A failure throws, so SNS retries the delivery.
 */
public class FeedbackHandler implements RequestHandler<SNSEvent, Map<String, Object>>, PrimedBySnapStart {
    private final FeedbackService feedback;
    private final Runnable priming;
    private final JsonLog log = new JsonLog(System.out);

    public FeedbackHandler() {
        this(Wiring.fromEnvironment(Setting.Function.FeedbackFunction));
        Core.getGlobalContext().register(this);
    }

    public FeedbackHandler(Wiring wiring) {
        FeedbackFactory factory = new FeedbackFactory(wiring);
        this.feedback = factory.feedbackService();
        this.priming = factory::prime;
    }

    /** Before the SnapStart snapshot: every client this function uses, read once (see the factories' prime methods). */
    @Override
    public void prime() {
        priming.run();
    }

    @Override
    public Map<String, Object> handleRequest(SNSEvent event, Context context) {
        Map<String, Object> totals = new LinkedHashMap<>(Map.of("suppressed", 0, "softBounces", 0, "unknownAddresses", 0, "ignored", 0));
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("messageId", record.getSNS().getMessageId());
            MailFeedback parsed;
            try {
                parsed = SesFeedbackParser.parse(record.getSNS().getMessage());
            } catch (IllegalArgumentException e) {
                fields.put("error", e.getMessage());
                log.warn("feedback.unreadable", fields);
                totals.merge("ignored", 1, (a, b) -> (int) a + (int) b);
                continue;
            }
            FeedbackService.Result result = feedback.handle(parsed);
            fields.put("kind", parsed.getClass().getSimpleName());
            fields.put("suppressed", result.suppressed());
            fields.put("softBounces", result.softBouncesCounted());
            log.info("feedback", fields);
            totals.merge("suppressed", result.suppressed(), (a, b) -> (int) a + (int) b);
            totals.merge("softBounces", result.softBouncesCounted(), (a, b) -> (int) a + (int) b);
            totals.merge("unknownAddresses", result.unknownAddresses(), (a, b) -> (int) a + (int) b);
        }
        return totals;
    }
}
