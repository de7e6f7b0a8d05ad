package despatch.lambda.aws;

import despatch.sending.CampaignMailer;
import despatch.sending.CampaignMessage;
import despatch.sending.MailRejectedException;
import despatch.sending.MailThrottledException;
import despatch.sending.SendingPausedException;
import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;

/**
 * Sends campaign messages with SESv2 SendEmail: simple content (SES builds the MIME, both parts
 * UTF-8), the unsubscribe headers as SES custom headers, the campaign as a message tag, and the
 * configuration set that publishes delivery events. SES's errors become the core's three kinds:
 * slow down, paused, or never.
 */
public final class SesCampaignMailer implements CampaignMailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesCampaignMailer(SesV2Client ses, String senderName, String senderAddress, String configurationSet) {
        this.ses = ses;
        this.from = SesMailer.fromHeader(senderName, senderAddress);
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    /** The request for one message, built without sending: the benchmark times this. */
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

    @Override
    public String send(CampaignMessage message) throws MailThrottledException, SendingPausedException, MailRejectedException {
        try {
            return ses.sendEmail(request(message)).messageId();
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw new MailThrottledException(reason(e));
        } catch (software.amazon.awssdk.services.sesv2.model.SendingPausedException | AccountSuspendedException e) {
            throw new SendingPausedException(reason(e));
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException e) {
            throw new MailRejectedException(reason(e));
        } catch (SesV2Exception e) {
            if (e.isThrottlingException()) {
                throw new MailThrottledException(reason(e));
            }
            throw e;
        }
    }

    /** SES's own words: kept on the delivery record for staff, never logged (they can name the address). */
    private static String reason(SesV2Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getClass().getSimpleName();
    }
}
