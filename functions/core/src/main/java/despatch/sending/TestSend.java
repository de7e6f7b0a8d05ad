package despatch.sending;

import despatch.render.RenderedArticle;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends the real rendered email to the office's staff before anyone else gets it, its subject
 * marked as a test. The unsubscribe link points at the real page but with a token that is no
 * one's, so pressing it changes nothing. No campaign, no ledger: a test is never a send.
 */
public final class TestSend {
    public static final String SUBJECT_MARK = "[TEST] ";
    private static final String NOBODYS_TOKEN = "test-send";

    private final CampaignMailer mailer;
    private final List<EmailAddress> staff;
    private final String unsubscribeUrl;

    /**
     * @param staffAddresses comma-separated, from configuration
     * @param apiBaseUrl the subscription API's public address, for the (inert) unsubscribe link
     */
    public TestSend(CampaignMailer mailer, String staffAddresses, String apiBaseUrl) {
        this.mailer = mailer;
        this.staff = parse(staffAddresses);
        this.unsubscribeUrl = apiBaseUrl.replaceAll("/+$", "") + "/unsubscribe?token=" + NOBODYS_TOKEN;
    }

    /** @return how many staff addresses it went to */
    public int send(RenderedArticle rendered) {
        if (staff.isEmpty()) {
            throw new IllegalStateException("No staff addresses are configured for test sends (STAFF_ADDRESSES, template parameter StaffAddresses).");
        }
        for (EmailAddress address : staff) {
            sendTo(address, rendered);
        }
        return staff.size();
    }

    /** The same test to one address: the member of staff asking for it in the console. */
    public void sendTo(EmailAddress address, RenderedArticle rendered) {
        EmailTemplate template = new EmailTemplate(rendered.emailHtml(), rendered.emailText());
        CampaignMessage message = new CampaignMessage(address, SUBJECT_MARK + rendered.subject(), template.html(unsubscribeUrl),
                template.text(unsubscribeUrl), Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), Map.of("campaign", "test"));
        try {
            mailer.send(message);
        } catch (MailThrottledException | SendingPausedException | MailRejectedException e) {
            // SES's words can name the address; the class says enough for the log.
            throw new IllegalStateException("The test send stopped: SES answered " + e.getClass().getSimpleName());
        }
    }

    private static List<EmailAddress> parse(String addresses) {
        List<EmailAddress> parsed = new ArrayList<>();
        for (String typed : addresses.split(",")) {
            if (typed.isBlank()) {
                continue;
            }
            try {
                parsed.add(EmailAddress.parse(typed));
            } catch (InvalidEmailAddressException e) {
                throw new IllegalStateException("STAFF_ADDRESSES has an address that is not valid: " + e.getMessage());
            }
        }
        return List.copyOf(parsed);
    }
}
