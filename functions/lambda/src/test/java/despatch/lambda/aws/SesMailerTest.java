package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SesMailerTest {
    @Test
    void anAsciiSenderNameIsQuoted() {
        assertEquals("\"Office of Jane Smith MP\" <news@example.org.uk>",
                SesMailer.fromHeader("Office of Jane Smith MP", "news@example.org.uk"));
    }

    @Test
    void aWelshSenderNameIsEncodedAsRfc2047SaysSesNeeds() {
        String header = SesMailer.fromHeader("Swyddfa Siân Llŷr AS", "news@example.org.uk");
        assertEquals("=?UTF-8?B?" + Base64.getEncoder().encodeToString("Swyddfa Siân Llŷr AS".getBytes(StandardCharsets.UTF_8))
                + "?= <news@example.org.uk>", header);
    }

    @Test
    void quotesAndLineBreaksCannotEscapeTheDisplayName() {
        assertEquals("\"Evil Bcc: x@example.org\" <news@example.org.uk>",
                SesMailer.fromHeader("Evil\"\r\nBcc: x@example.org", "news@example.org.uk"));
        assertEquals("news@example.org.uk", SesMailer.fromHeader("  ", "news@example.org.uk"));
    }
}
