package despatch.subscription;

import java.time.Instant;

/** An active subscriber of one list, as the sender and the staff export read them. */
public record Member(String subscriberId, EmailAddress address, String name, Instant since) {
}
