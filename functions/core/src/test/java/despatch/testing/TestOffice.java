package despatch.testing;

import despatch.office.MailingListsSetting;
import despatch.office.Office;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** A sample office and a fixed clock for the core's unit tests. */
public final class TestOffice {
    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private TestOffice() {
    }

    public static Office office() {
        return new Office("Office of Jane Smith MP", List.of("House of Commons", "London", "SW1A 0AA"),
                "https://news.example.org.uk/", MailingListsSetting.parse("newsletter=Newsletter,press=Press releases"),
                "Press office: 020 7946 0000", Locale.UK, ZoneId.of("Europe/London"), "https://api.example.org.uk");
    }

    public static Clock clock() {
        return Clock.fixed(NOW, ZoneId.of("UTC"));
    }
}
