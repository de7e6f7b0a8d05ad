package despatch.lambda.aws;

import despatch.sending.CampaignMailer;
import despatch.sending.CampaignMessage;
import despatch.sending.DailyQuotaReachedException;
import despatch.sending.MailRejectedException;
import despatch.sending.MailThrottledException;
import despatch.sending.SendingPausedException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;

/**
 * Sends campaign messages with SESv2 SendEmail (requests built by {@link SesCampaignRequests}).
 * SES's errors become the core's three kinds: slow down, paused, or never; anything else is an
 * outcome the caller cannot know.
 */
public final class SesCampaignMailer implements CampaignMailer {
    private final SesV2Client ses;
    private final SesCampaignRequests requests;

    public SesCampaignMailer(SesV2Client ses, String senderName, String senderAddress, String configurationSet) {
        this.ses = ses;
        this.requests = new SesCampaignRequests(senderName, senderAddress, configurationSet);
    }

    @Override
    public String send(CampaignMessage message) throws MailThrottledException, SendingPausedException, MailRejectedException {
        try {
            return ses.sendEmail(requests.request(message)).messageId();
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw throttled(e);
        } catch (software.amazon.awssdk.services.sesv2.model.SendingPausedException | AccountSuspendedException
                | MailFromDomainNotVerifiedException | software.amazon.awssdk.services.sesv2.model.NotFoundException e) {
            // The account or its set-up stops every send alike (a missing configuration set, an unverified
            // MAIL FROM domain): staff must act, and nobody on the list should be failed for it.
            throw new SendingPausedException(reason(e));
        } catch (MessageRejectedException | software.amazon.awssdk.services.sesv2.model.BadRequestException e) {
            throw new MailRejectedException(reason(e));
        } catch (SesV2Exception e) {
            if (e.isThrottlingException()) {
                throw throttled(e);
            }
            if (e.statusCode() == 403) {
                throw new SendingPausedException("SES refused the send (HTTP 403): check the sending policy and identity");
            }
            throw e;
        }
    }

    /** SES says which limit it was: "Maximum sending rate exceeded" or "Daily message quota exceeded". */
    private static MailThrottledException throttled(SesV2Exception e) {
        String reason = reason(e);
        return reason.toLowerCase(java.util.Locale.ROOT).contains("daily message quota") ? new DailyQuotaReachedException(reason)
                : new MailThrottledException(reason);
    }

    /** SES's own words: kept on the delivery record for staff, never logged (they can name the address). */
    private static String reason(SesV2Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getClass().getSimpleName();
    }
}
