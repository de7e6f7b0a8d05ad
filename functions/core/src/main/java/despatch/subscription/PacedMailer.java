package despatch.subscription;

/**
 * Spaces sends out to at most a given rate across all threads: an import's confirmation emails
 * would otherwise go out as fast as its workers run and meet SES's sending quota (14 a second on
 * a new production account) as throttling errors.
 */
public final class PacedMailer implements Mailer {
    private final Mailer mailer;
    private final long nanosBetween;
    private final java.util.function.LongSupplier nanoTime;
    private final java.util.function.LongConsumer sleeper;
    private long nextSlot;

    public PacedMailer(Mailer mailer, double perSecond) {
        this(mailer, perSecond, System::nanoTime, PacedMailer::sleep);
    }

    /** For tests: a clock and a way to wait that need no real time. */
    PacedMailer(Mailer mailer, double perSecond, java.util.function.LongSupplier nanoTime, java.util.function.LongConsumer sleeper) {
        this.mailer = mailer;
        this.nanosBetween = (long) (1_000_000_000L / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextSlot = nanoTime.getAsLong();
    }

    @Override
    public void send(OutgoingEmail email) {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + nanosBetween;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.accept(wait);
        }
        mailer.send(email);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing sends", e);
        }
    }
}
