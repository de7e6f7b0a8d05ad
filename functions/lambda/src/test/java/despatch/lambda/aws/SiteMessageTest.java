package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SiteMessageTest {
    @Test
    void aChangeNamesItsArticle() {
        assertEquals("bus-route", SiteMessage.slugOf(SiteMessage.changed("bus-route")));
    }

    @Test
    void aRebuildNamesNone() {
        assertNull(SiteMessage.slugOf(SiteMessage.REBUILD));
        assertNull(SiteMessage.slugOf("{\"rebuild\": true}"), "as staff type it");
    }

    @Test
    void aMessageWithNeitherSaysWhatItNeeds() {
        IllegalArgumentException wrongKey = assertThrows(IllegalArgumentException.class, () -> SiteMessage.slugOf("{\"slgu\": \"x\"}"));
        assertTrue(wrongKey.getMessage().contains("\"rebuild\": true"), wrongKey.getMessage());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class, () -> SiteMessage.slugOf("rebuild"));
        assertTrue(notJson.getMessage().contains("must be JSON"), notJson.getMessage());
    }
}
