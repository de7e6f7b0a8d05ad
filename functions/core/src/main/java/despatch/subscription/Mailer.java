package despatch.subscription;

/** Sends one transactional email (confirmation, links, data export). */
public interface Mailer {
    void send(OutgoingEmail email);
}
