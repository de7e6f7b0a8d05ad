package despatch.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SesAccountQuotaTest {

    @Test
    void theQuotaIsWrittenAsGetAccountReportsItAndNothingSesCouldNotReportIsAccepted() {
        assertEquals("{\"Max24HourSend\":50000,\"MaxSendRate\":14,\"SentLast24Hours\":0}", SesAccountQuota.NEW_PRODUCTION_ACCOUNT.json());
        assertEquals("{\"Max24HourSend\":-1,\"MaxSendRate\":0.5,\"SentLast24Hours\":0}", new SesAccountQuota(0.5, -1).json());
        assertEquals("SES's rate is above zero, not 0.0",
                assertThrows(IllegalArgumentException.class, () -> new SesAccountQuota(0, 100)).getMessage());
        assertEquals("A daily quota is -1 (none) or at least zero, not -5.0",
                assertThrows(IllegalArgumentException.class, () -> new SesAccountQuota(14, -5)).getMessage());
    }
}
