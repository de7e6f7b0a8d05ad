package despatch.lambda.aws;

import despatch.lambda.wiring.Setting;
import despatch.local.stack.LocalAwsStack;
import java.util.Map;

/** The adapters' tests share one local AWS stack: the emulators start once per JVM. */
final class TestStack {

    private TestStack() {
    }

    static LocalAwsStack get() {
        return LocalAwsStack.shared();
    }

    /** What template.yaml gives the function, pointed at the emulators. */
    static Map<String, String> environment(Setting.Function function) {
        return get().environmentFor(function.name());
    }
}
