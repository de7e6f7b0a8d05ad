package despatch.bench;

import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.LocalAwsStack;
import java.time.Clock;

/** The setup's handlers (not measured) wired as deployed, with the stack's own clients. */
record ColdStartWiring(LocalAwsStack stack) {
    Wiring forFunction(Setting.Function function) {
        return new Wiring(Settings.from(stack.environmentFor(function.name()), function), Clock.systemUTC(), stack.s3(), stack.dynamoDb(),
                stack.sesV2(), stack.secretsManager(), stack.sqs(), stack.scheduler());
    }
}
