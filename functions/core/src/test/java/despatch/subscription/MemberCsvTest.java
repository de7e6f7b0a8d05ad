package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.common.EmailAddress;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberCsvTest {
    @Test
    void anAddressStoredBeforeSignUpRefusedFormulasIsExportedAsText() throws Exception {
        Member member = new Member("s-1", EmailAddress.stored("=cmd|'/Ccalc'!A0@example.org"), "@SUM(1+1)", Instant.parse("2026-03-01T10:00:00Z"),
                Set.of("newsletter"));
        StringWriter out = new StringWriter();
        new MemberCsv(out).write(member);

        assertEquals("email,name,subscribed_since\r\n'=cmd|'/Ccalc'!A0@example.org,'@SUM(1+1),2026-03-01T10:00:00Z\r\n", out.toString());
    }
}
