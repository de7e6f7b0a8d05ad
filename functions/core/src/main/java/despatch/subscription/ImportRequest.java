package despatch.subscription;

import despatch.common.EmailAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One checked row of an import file.
 *
 * @param consentAt when the person agreed, with {@code consentSource} saying how; empty when the
 *     file holds no evidence, and the row can then only become pending
 */
public record ImportRequest(EmailAddress address, String name, String postcode, Set<String> lists,
        Optional<Instant> consentAt, String consentSource, String consentWording, boolean sendConfirmation) {
}
