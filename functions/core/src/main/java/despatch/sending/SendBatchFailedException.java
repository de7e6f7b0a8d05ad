package despatch.sending;

/**
 * A batch stopped by a failure outside the send itself (the ledger or the subscriber store
 * unreachable), with what it had done by then: the recipients it finished, and those in flight
 * when it failed, must still be counted, or the campaign could never add up.
 */
public final class SendBatchFailedException extends RuntimeException {
    private final transient BatchOutcome partial;

    SendBatchFailedException(BatchOutcome partial, Throwable cause) {
        super("a send batch failed part way: " + cause.getClass().getSimpleName(), cause);
        this.partial = partial;
    }

    /** Every recipient in exactly one list, as for a batch that ended: one claimed when it failed counts as unknown. */
    public BatchOutcome partial() {
        return partial;
    }
}
