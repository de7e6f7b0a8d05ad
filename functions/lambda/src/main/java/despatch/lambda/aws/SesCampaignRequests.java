package despatch.lambda.aws;

import despatch.sending.CampaignMessage;
import java.util.List;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The SESv2 SendEmail request for one campaign message: simple content (SES builds the MIME,
 * both parts UTF-8), the unsubscribe headers as SES custom headers, the campaign as a message
 * tag, and the configuration set that publishes delivery events. No network: the recipient
 * benchmark times exactly this.
 */
public final class SesCampaignRequests {
    private final String from;
    private final String configurationSet;

    public SesCampaignRequests(String senderName, String senderAddress, String configurationSet) {
        this.from = SesMailer.fromHeader(senderName, senderAddress);
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    public SendEmailRequest request(CampaignMessage message) {
        List<MessageHeader> headers = message.headers().entrySet().stream()
                .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build()).toList();
        List<MessageTag> tags = message.tags().entrySet().stream()
                .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build()).toList();
        return SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(message.to().forDelivery()))
                .configurationSetName(configurationSet)
                .emailTags(tags)
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(SesMailer.utf8(message.subject()))
                        .body(Body.builder().html(SesMailer.utf8(message.html())).text(SesMailer.utf8(message.text())).build())
                        .headers(headers)
                        .build()).build())
                .build();
    }
}
