package despatch.local;

import despatch.lambda.wiring.AwsClients;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.LocalAwsStack;
import java.time.Clock;
import java.util.Map;

/** A function wired as its no-argument constructor would wire it, but with a local stack's clients, pointed at the emulators. */
public final class StackWiring {
    private StackWiring() {
    }

    /** With the environment the stack resolves for the function from template.yaml. */
    public static Wiring of(LocalAwsStack stack, Setting.Function function, Clock clock) {
        return of(stack, stack.environmentFor(function.name()), function, clock);
    }

    public static Wiring of(LocalAwsStack stack, Map<String, String> environment, Setting.Function function, Clock clock) {
        return new Wiring(Settings.from(environment, function), clock, clients(stack));
    }

    /**
     * PublishFunction as an office that publishes without approval deploys it (SendApproval none):
     * for the tests and benchmarks about publishing itself, not about approval.
     */
    public static Wiring publishingWithoutApproval(LocalAwsStack stack, Clock clock) {
        Map<String, String> environment = new java.util.HashMap<>(stack.environmentFor(Setting.Function.PublishFunction.name()));
        environment.put(Setting.SEND_APPROVAL.name(), "none");
        return of(stack, environment, Setting.Function.PublishFunction, clock);
    }

    public static AwsClients clients(LocalAwsStack stack) {
        return AwsClients.of(stack.s3(), stack.dynamoDb(), stack.sesV2(), stack.secretsManager(), stack.sqs(), stack.scheduler(),
                stack.cloudFront());
    }
}
