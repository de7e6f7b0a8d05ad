package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import despatch.local.stack.LocalAwsStack;
import despatch.sending.SendQuota;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import org.junit.jupiter.api.Test;

/** The account's quota as the local SES reports it, and an answer with none, which no rate may be guessed from. */
class SesSendingAccountTest {
    private final LocalAwsStack stack = TestStack.get();

    @Test
    void theQuotaIsReadFromGetAccount() {
        SendQuota quota = new SesSendingAccount(stack::sesV2).quota();
        assertEquals(new SendQuota(14, 50_000, 0), quota, "the local SES reports a new production account");
    }

    @Test
    void anAnswerWithNoQuotaIsRefusedRatherThanGuessedAt() {
        ExecutionInterceptor noQuota = new ExecutionInterceptor() {
            @Override
            public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                return context.response() instanceof GetAccountResponse account ? account.toBuilder().sendQuota((software.amazon.awssdk
                        .services.sesv2.model.SendQuota) null).build() : context.response();
            }
        };
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(stack.sesEndpoint()).region(stack.sesV2().serviceClientConfiguration().region())
                .credentialsProvider(stack.sesV2().serviceClientConfiguration().credentialsProvider())
                .overrideConfiguration(c -> c.addExecutionInterceptor(noQuota)).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SesSendingAccount(() -> ses).quota());
            assertEquals("SES reported no sending quota for the account", e.getMessage());
        }
    }
}
