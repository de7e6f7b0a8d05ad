package despatch.sending;

import java.time.Instant;

/**
 * One record per (campaign, subscriber), claimed with a conditional write before the send and
 * marked after it, so that SQS redelivery, Lambda retries and resumed campaigns find the first
 * attempt and never send a second copy.
 */
public interface DeliveryLedger {
    /**
     * Claims the delivery: succeeds only when there is no record yet, or one in {@link DeliveryState#RETRY}.
     *
     * @return true when this caller now holds the claim and may send
     */
    boolean claim(String campaignId, String subscriberId, Instant at);

    /** Subscriber ids whose delivery is still CLAIMED: sent or not, nobody can tell. */
    java.util.List<String> unknownOutcomes(String campaignId);

    /** The same, only for claims made before {@code claimedBefore}: none of those can still be in flight. */
    java.util.List<String> unknownOutcomes(String campaignId, Instant claimedBefore);

    /** Records how the claimed delivery ended; {@code detail} is a message id, a reason, or empty. */
    void mark(String campaignId, String subscriberId, DeliveryState state, String detail, Instant at);
}
