package despatch.subscription;

import despatch.common.Pacer;

/**
 * Spaces sends out to at most a given rate across all threads: an import's confirmation emails
 * would otherwise go out as fast as its workers run and meet SES's sending quota (14 a second on
 * a new production account) as throttling errors.
 */
public final class PacedMailer implements Mailer {
    private final Mailer mailer;
    private final Pacer pacer;

    public PacedMailer(Mailer mailer, double perSecond) {
        this(mailer, new Pacer(perSecond));
    }

    PacedMailer(Mailer mailer, Pacer pacer) {
        this.mailer = mailer;
        this.pacer = pacer;
    }

    @Override
    public void send(OutgoingEmail email) {
        pacer.awaitSlot();
        mailer.send(email);
    }
}
