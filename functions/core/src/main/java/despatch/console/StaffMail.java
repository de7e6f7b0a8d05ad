package despatch.console;

import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.office.Office;
import despatch.render.LinkEmailView;
import despatch.render.RenderedEmail;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.Mailer;
import despatch.subscription.OutgoingEmail;
import java.util.List;

/**
 * A short email to a member of staff, on the one-link layout the subscription emails use: what
 * happened, and a button to it in the console. Best effort: a blank or unmailable address, or a
 * send that fails, is skipped, since what it reports has already happened.
 */
final class StaffMail {
    private final Mailer mailer;
    private final SubscriptionRenderer renderer;
    private final Office office;

    StaffMail(Mailer mailer, SubscriptionRenderer renderer, Office office) {
        this.mailer = mailer;
        this.renderer = renderer;
        this.office = office;
    }

    /** @param paragraphs the first is also the preheader */
    void send(String address, String subject, List<String> paragraphs, String buttonLabel, String url) {
        if (address.isBlank()) {
            return;
        }
        try {
            RenderedEmail email = renderer.linkEmail(new LinkEmailView(subject, paragraphs.getFirst(), paragraphs, buttonLabel, url,
                    List.of("You get this as a member of staff of " + office.name() + " using Despatch.")));
            mailer.send(new OutgoingEmail(EmailAddress.parse(address), email.subject(), email.html(), email.text()));
        } catch (InvalidEmailAddressException | RuntimeException e) {
            // Skipped: see the class comment.
        }
    }
}
