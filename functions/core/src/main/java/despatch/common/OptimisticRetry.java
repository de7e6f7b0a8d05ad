package despatch.common;

/**
 * Every read-then-write on a versioned record shares this: when another writer got there first
 * (a {@link ConcurrentChangeException}), the step runs again from a fresh read, a few times.
 */
public final class OptimisticRetry {
    private static final int ATTEMPTS = 4;

    private OptimisticRetry() {
    }

    /** A read-then-write step, which may lose a race to another writer and must then run again. */
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** @throws ConcurrentChangeException when the record kept changing on every attempt */
    public static <T, E extends Exception> T retrying(Step<T, E> step) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (ConcurrentChangeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
