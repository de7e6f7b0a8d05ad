package despatch.lambda.aws;

import despatch.subscription.Mailer;
import despatch.subscription.OutgoingEmail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

/**
 * Sends transactional mail with SESv2 SendEmail (simple content: SES builds the MIME, both parts
 * UTF-8). The SDK's standard retries absorb brief throttling; anything else fails the request.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    /**
     * @param senderName shown in inboxes; encoded as RFC 2047 when it is not plain ASCII
     * @param configurationSet SES configuration set for event publishing, or blank for none
     */
    public SesMailer(SesV2Client ses, String senderName, String senderAddress, String configurationSet) {
        this.ses = ses;
        this.from = fromHeader(senderName, senderAddress);
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    @Override
    public void send(OutgoingEmail email) {
        ses.sendEmail(send -> send.fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to().forDelivery()))
                .configurationSetName(configurationSet)
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().html(utf8(email.html())).text(utf8(email.text())).build())
                        .build()).build()));
    }

    /** "Office of Jane Smith MP" &lt;news@example.org.uk&gt;, with the name quoted or encoded as SES requires. */
    static String fromHeader(String name, String address) {
        String clean = name.replaceAll("[\"\\\\]", "").replaceAll("\\s+", " ").strip();
        if (clean.isEmpty()) {
            return address;
        }
        boolean ascii = clean.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        String display = ascii ? "\"" + clean + "\""
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(clean.getBytes(StandardCharsets.UTF_8)) + "?=";
        return display + " <" + address + ">";
    }

    static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
