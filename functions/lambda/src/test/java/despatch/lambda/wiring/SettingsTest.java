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

    @Test
    void aRateCapIsAFractionOrZeroAndAnythingElseIsRefusedSayingWhatItMustBe() {
        java.util.function.Function<String, Settings> withCap = cap -> {
            Map<String, String> environment = new java.util.HashMap<>(PREVIEW);
            environment.put("SEND_RATE_CAP", cap);
            return Settings.from(environment, Setting.Function.PreviewFunction);
        };
        assertEquals(0, withCap.apply("0").decimalOrZero(Setting.SEND_RATE_CAP));
        assertEquals(12.5, withCap.apply("12.5").decimalOrZero(Setting.SEND_RATE_CAP));
        assertEquals(0, withCap.apply("").decimalOrZero(Setting.SEND_RATE_CAP), "empty is unset: no cap");
        for (String bad : java.util.List.of("-1", "fast", "Infinity", "NaN", "1e400")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> withCap.apply(bad).decimalOrZero(Setting.SEND_RATE_CAP), bad);
            assertEquals("SEND_RATE_CAP must be a number of at least 0, not '" + bad + "'", e.getMessage());
        }
    }
}
