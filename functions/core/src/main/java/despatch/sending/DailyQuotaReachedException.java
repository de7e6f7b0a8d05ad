package despatch.sending;

/** SES refused a send because the account's daily quota is used up (other mail on the account, most likely). */
public class DailyQuotaReachedException extends MailThrottledException {
    public DailyQuotaReachedException(String message) {
        super(message);
    }
}
