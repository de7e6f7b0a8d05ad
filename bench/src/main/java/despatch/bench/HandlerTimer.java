package despatch.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Times one function's invocations: wall time from the call to the return, and the CPU time of
 * the invoking thread over the same span. Handlers here make their AWS calls synchronously on that
 * thread, so its CPU time is the function's own work (marshalling, signing, rendering), and the
 * rest of the wall time is waiting for the emulators: the two parts of what Lambda would bill.
 * Handlers are built per container, as Lambda builds them, and that init is timed apart.
 */
final class HandlerTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String function;
    private final LongAdder invocations = new LongAdder();
    private final LongAdder wallNanos = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAccumulator longestNanos = new LongAccumulator(Math::max, 0);
    private final LongAdder containers = new LongAdder();
    private final LongAdder initNanos = new LongAdder();

    HandlerTimer(String function) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        this.function = function;
    }

    /**
     * Totals over every invocation so far.
     *
     * @param failures invocations that threw, plus messages an SQS handler reported failed
     * @param longestSeconds the longest single invocation, to hold against the function's Timeout
     * @param containers     handler instances built, one per concurrent worker ({@link #perContainer})
     * @param initSeconds    the time building them took, not part of the invocations' times
     */
    record Times(String function, long invocations, double wallSeconds, double cpuSeconds, long failures, double longestSeconds,
            long containers, double initSeconds) {

        double waitSeconds() {
            return Math.max(0, wallSeconds - cpuSeconds);
        }
    }

    <T> T time(Supplier<T> invocation) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            T result = invocation.get();
            if (result instanceof SQSBatchResponse response && response.getBatchItemFailures() != null) {
                failures.add(response.getBatchItemFailures().size());
            }
            return result;
        } catch (RuntimeException | Error e) {
            failures.increment();
            throw e;
        } finally {
            long took = System.nanoTime() - start;
            wallNanos.add(took);
            longestNanos.accumulate(took);
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
            invocations.increment();
        }
    }

    /** One container's handler, built now (its init, timed apart), for a caller that invokes it through {@link #time}. */
    <H> H container(Supplier<H> init) {
        long start = System.nanoTime();
        H handler = init.get();
        initNanos.add(System.nanoTime() - start);
        containers.increment();
        return handler;
    }

    /**
     * The function as an event source mapping should see it: as on Lambda, each concurrent worker
     * (here each poller thread) is a container with a handler of its own, built on its first event,
     * so per-container state (rendered-email cache, signing secret, send pacer) is per worker.
     * Each invocation is timed; building the handler is not.
     */
    <I, O> RequestHandler<I, O> perContainer(Supplier<? extends RequestHandler<I, O>> init) {
        ThreadLocal<RequestHandler<I, O>> handlers = ThreadLocal.withInitial(() -> container(init));
        return (I event, Context context) -> {
            RequestHandler<I, O> handler = handlers.get();
            return time(() -> handler.handleRequest(event, context));
        };
    }

    Times times() {
        return new Times(function, invocations.sum(), wallNanos.sum() / 1e9, cpuNanos.sum() / 1e9, failures.sum(),
                longestNanos.get() / 1e9, containers.sum(), initNanos.sum() / 1e9);
    }
}
