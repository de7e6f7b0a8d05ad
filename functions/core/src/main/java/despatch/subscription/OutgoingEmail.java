package despatch.subscription;

/** An email ready to send: both parts rendered. */
public record OutgoingEmail(EmailAddress to, String subject, String html, String text) {
}
