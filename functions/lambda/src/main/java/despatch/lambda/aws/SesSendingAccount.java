package despatch.lambda.aws;

import despatch.sending.SendQuota;
import despatch.sending.SendingAccount;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;

/** The account's sending quota from SESv2 GetAccount (read-only; the policy names no resource, as SES has none for it). */
public final class SesSendingAccount implements SendingAccount {
    private final Supplier<SesV2Client> ses;

    /** @param ses built when the quota is first read, not when the function is: a cold start pays nothing for it */
    public SesSendingAccount(Supplier<SesV2Client> ses) {
        this.ses = ses;
    }

    @Override
    public SendQuota quota() {
        GetAccountResponse account = ses.get().getAccount(request -> { });
        if (account.sendQuota() == null || account.sendQuota().maxSendRate() == null) {
            throw new IllegalStateException("SES reported no sending quota for the account");
        }
        var quota = account.sendQuota();
        return new SendQuota(quota.maxSendRate(), quota.max24HourSend() == null ? -1 : quota.max24HourSend(),
                quota.sentLast24Hours() == null ? 0 : quota.sentLast24Hours());
    }
}
