package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.render.RenderedArticle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSendTest {
    private final List<CampaignMessage> sent = new ArrayList<>();
    private final CampaignMailer mailer = message -> {
        sent.add(message);
        return "m" + sent.size();
    };
    private final RenderedArticle rendered = new RenderedArticle("Budget day", "What it means",
            "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>", "Unsubscribe: {{unsubscribe_url}}", "<html></html>");

    @Test
    void staffGetTheRealEmailMarkedAsATestWithALinkThatChangesNothing() {
        int count = new TestSend(mailer, "press@example.org.uk, jane.smith@example.org.uk", "https://api.example.org.uk/").send(rendered);

        assertEquals(2, count);
        assertEquals("[TEST] Budget day", sent.get(0).subject());
        assertEquals("jane.smith@example.org.uk", sent.get(1).to().forDelivery());
        assertTrue(sent.get(0).text().equals("Unsubscribe: https://api.example.org.uk/unsubscribe?token=test-send"), sent.get(0).text());
    }

    @Test
    void withoutStaffAddressesItSaysWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new TestSend(mailer, " ", "https://api").send(rendered));
        assertTrue(refused.getMessage().contains("STAFF_ADDRESSES"));
        assertTrue(sent.isEmpty());
    }
}
