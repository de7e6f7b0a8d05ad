package despatch.lambda.wiring;

import java.util.function.Supplier;

/** Builds on the first call, then returns the same value: what a container builds once, and only if it is used. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> build;
    private T value;

    private Once(Supplier<T> build) {
        this.build = build;
    }

    static <T> Supplier<T> of(Supplier<T> build) {
        return new Once<>(build);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = build.get();
        }
        return value;
    }
}
