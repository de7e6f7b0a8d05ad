package despatch.subscription;

import despatch.common.EmailAddress;
import java.util.Set;

/** A subscribe request that passed every check. */
public record ValidSubscription(EmailAddress address, String name, String postcode, Set<String> lists, String wordingVersion) {
}
