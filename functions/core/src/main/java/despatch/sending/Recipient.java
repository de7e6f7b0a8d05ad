package despatch.sending;

import despatch.common.EmailAddress;

/** Someone a campaign goes to, as fan-out found them on a list. */
public record Recipient(String subscriberId, EmailAddress address) {
}
