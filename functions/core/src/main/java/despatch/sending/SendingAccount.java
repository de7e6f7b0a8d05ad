package despatch.sending;

/** The account's SES sending quota, read from SES itself (GetAccount), never typed by hand. */
public interface SendingAccount {
    SendQuota quota();
}
