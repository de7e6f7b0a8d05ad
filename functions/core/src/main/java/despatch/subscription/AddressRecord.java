package despatch.subscription;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store holds under an address key: which subscriber has the address, and whether the
 * address is suppressed (bounced, complained, erased). It holds no personal data itself.
 */
public record AddressRecord(String addressKey, Optional<String> subscriberId, Optional<SubscriberStatus> suppression,
        Optional<Instant> suppressedAt) {
}
