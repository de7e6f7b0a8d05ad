package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.common.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedMailerTest {
    @Test
    void sendsAreSpacedToTheRateWithoutDroppingAny() throws Exception {
        long[] now = {0};
        List<Long> sentAt = new ArrayList<>();
        RecordingMailer recording = new RecordingMailer();
        Mailer timed = email -> {
            sentAt.add(now[0]);
            recording.send(email);
        };
        PacedMailer paced = new PacedMailer(timed, new despatch.common.Pacer(10, () -> now[0], wait -> now[0] += wait));
        OutgoingEmail email = new OutgoingEmail(EmailAddress.parse("jane@example.org"), "s", "<p>h</p>", "t");

        for (int i = 0; i < 5; i++) {
            paced.send(email);
        }

        assertEquals(5, recording.sent().size());
        assertEquals(List.of(0L, 100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L), sentAt, "10 a second: one every 100 ms");
    }
}
