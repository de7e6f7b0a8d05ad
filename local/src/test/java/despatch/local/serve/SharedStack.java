package despatch.local.serve;

import despatch.local.stack.LocalAwsStack;

/** One in-memory local stack for the serve and command tests in this JVM (the browser test keeps its own). */
final class SharedStack {
    private static LocalAwsStack stack;

    private SharedStack() {
    }

    static synchronized LocalAwsStack get() {
        if (stack == null) {
            stack = LocalAwsStack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }
}
