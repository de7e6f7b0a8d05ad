package despatch.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Map<String, String> PREVIEW = Map.of(
            "UPLOADS_BUCKET", "uploads", "SITE_BASE_URL", "https://news.example.org.uk/", "OFFICE_NAME", "Office",
            "OFFICE_POSTAL_ADDRESS", "House of Commons| London |SW1A 0AA", "LISTS", "newsletter=Newsletter");

    @Test
    void missingVariablesAreAllNamedAtColdStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Settings.from(PREVIEW, Setting.Function.PublishFunction));
        assertTrue(e.getMessage().contains("SITE_BUCKET") && e.getMessage().contains("ARTICLES_TABLE"), e.getMessage());
    }

    @Test
    void defaultsAndTheOfficeAreReadFromTheEnvironment() {
        Settings settings = Settings.from(PREVIEW, Setting.Function.PreviewFunction);
        assertEquals("Europe/London", settings.get(Setting.TIME_ZONE));
        assertEquals(java.util.List.of("House of Commons", "London", "SW1A 0AA"), settings.office().postalAddressLines());
        assertEquals("https://news.example.org.uk", settings.office().siteBaseUrl());
    }
}
