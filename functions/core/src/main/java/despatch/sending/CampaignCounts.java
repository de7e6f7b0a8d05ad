package despatch.sending;

/**
 * A campaign's counters. Each delivery ends once, so each is counted once, however often its
 * batch is delivered.
 *
 * @param enqueued recipients put on the send queue (each person once, whatever lists they are on)
 * @param unknown claimed deliveries whose send outcome cannot be known
 */
public record CampaignCounts(long enqueued, long sent, long suppressed, long failed, long unknown) {
    public static final CampaignCounts NONE = new CampaignCounts(0, 0, 0, 0, 0);

    /** Every enqueued recipient has an outcome. */
    public boolean allAccountedFor() {
        return outstanding() <= 0;
    }

    /** Enqueued and not yet with an outcome: on the send queue, or with a worker. */
    public long outstanding() {
        return enqueued - (sent + suppressed + failed + unknown);
    }
}
