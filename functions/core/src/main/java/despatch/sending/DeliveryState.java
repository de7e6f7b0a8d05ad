package despatch.sending;

/**
 * Where one (campaign, subscriber) delivery stands. Every active subscriber of a campaign's lists
 * ends as exactly one of SENT, SUPPRESSED, FAILED or CLAIMED-with-unknown-outcome; RETRY is the
 * only state a later attempt may claim again, because it is written only when SES certainly did
 * not take the message.
 */
public enum DeliveryState {
    /** Claimed before sending. Still CLAIMED after the worker is done means the outcome is unknown. */
    CLAIMED,
    SENT,
    /** No longer subscribed, or suppressed, when the worker came to send. */
    SUPPRESSED,
    /** Refused for good (SES rejected the address or message); the detail says why. */
    FAILED,
    /** Not sent (throttled, paused): may be claimed again. */
    RETRY;

    public boolean isFinal() {
        return this == SENT || this == SUPPRESSED || this == FAILED;
    }
}
