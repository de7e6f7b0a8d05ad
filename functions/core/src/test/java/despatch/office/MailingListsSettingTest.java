package despatch.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailingListsSettingTest {
    @Test
    void readsIdsAndDisplayNamesInOrder() {
        var lists = MailingListsSetting.parse("newsletter=Monthly newsletter, press=Press releases,events");
        assertEquals(List.of("newsletter", "press", "events"), List.copyOf(lists.keySet()));
        assertEquals("Monthly newsletter", lists.get("newsletter").displayName());
        assertEquals("events", lists.get("events").displayName());
    }

    @Test
    void readsDescriptionsWhenEntriesAreSeparatedBySemicolons() {
        var lists = MailingListsSetting.parse("newsletter=Newsletter|News from Westminster, and from home, monthly; press=Press releases");
        assertEquals(List.of("newsletter", "press"), List.copyOf(lists.keySet()));
        assertEquals("News from Westminster, and from home, monthly", lists.get("newsletter").description());
        assertEquals("", lists.get("press").description());
    }

    @Test
    void badIdsAndDuplicatesSayWhatToFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MailingListsSetting.parse("News Letter=Newsletter"))
                .getMessage().contains("lower-case letters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MailingListsSetting.parse("a=A,a=B"))
                .getMessage().contains("defined twice"));
    }
}
