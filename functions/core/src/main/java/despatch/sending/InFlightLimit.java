package despatch.sending;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * How many recipients one worker has between their claim and their mark, at most a limit asked
 * for afresh at each start: the limit follows the worker's share of SES's rate, which SES may
 * raise while a container lives (and which a SnapStart snapshot must not fix at deploy time).
 * A lock rather than a monitor, so virtual threads that wait do not pin their carriers.
 */
final class InFlightLimit {
    private final IntSupplier limit;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition released = lock.newCondition();
    private int taken;

    InFlightLimit(IntSupplier limit) {
        this.limit = limit;
    }

    /** Waits until fewer than the limit are in flight, and counts one more. */
    void acquire() throws InterruptedException {
        int most = Math.max(1, limit.getAsInt());
        lock.lockInterruptibly();
        try {
            while (taken >= most) {
                released.await();
            }
            taken++;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            taken--;
            released.signal();
        } finally {
            lock.unlock();
        }
    }
}
