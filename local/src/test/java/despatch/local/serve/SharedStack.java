package despatch.local.serve;

import despatch.local.stack.LocalAwsStack;

/** One in-memory local stack for the serve tests in this JVM (the browser and export tests keep their own). */
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
