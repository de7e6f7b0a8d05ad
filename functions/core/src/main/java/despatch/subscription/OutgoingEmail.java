package despatch.subscription;

import despatch.common.EmailAddress;

/** An email ready to send: both parts rendered. */
public record OutgoingEmail(EmailAddress to, String subject, String html, String text) {
}
