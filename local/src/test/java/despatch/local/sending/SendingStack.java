package despatch.local.sending;

import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.FanOutHandler;
import despatch.lambda.SendHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.StackWiring;
import despatch.local.queue.EventSourceMapping;
import despatch.local.stack.LocalAwsStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What the sending tests do with their stack: wire a function, and run the fan-out and send queues until both are empty. */
final class SendingStack {
    private SendingStack() {
    }

    /**
     * A function wired to the stack on its clock. About publishing and sending, not approval
     * (ConsoleApprovalsTest, ConsoleInBrowserTest): the office approves nothing.
     */
    static Wiring wiring(LocalAwsStack stack, Setting.Function function) {
        Map<String, String> environment = new HashMap<>(stack.environmentFor(function.name()));
        environment.put(Setting.SEND_APPROVAL.name(), "none");
        return StackWiring.of(stack, environment, function, stack.clock());
    }

    /** FanOutFunction's and SendFunction's queues consumed as Lambda would, until both are empty. */
    static void deliverQueues(LocalAwsStack stack) {
        try (EventSourceMapping fanOut = EventSourceMapping.fromTemplate(stack, "FanOutFunction",
                new FanOutHandler(wiring(stack, Setting.Function.FanOutFunction)));
                EventSourceMapping send = EventSourceMapping.fromTemplate(stack, "SendFunction",
                        new SendHandler(wiring(stack, Setting.Function.SendFunction)))) {
            assertTrue(fanOut.drain(Duration.ofSeconds(60)).queueEmpty(), "fan-out finished for now");
            assertTrue(send.drain(Duration.ofSeconds(120)).queueEmpty(), "every batch sent");
        }
    }
}
