package despatch.bench;

import despatch.office.MailingListsSetting;
import despatch.office.Office;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The office the benchmarks render for, and the same values as the environment the cold-start
 * child gets, so both measures render the same thing. Values are template.yaml's parameter defaults.
 */
final class SampleOffice {
    private static final String NAME = "Office of Jane Smith MP";
    private static final String POSTAL_ADDRESS = "House of Commons|London|SW1A 0AA";
    private static final String SITE_BASE_URL = "https://news.example.org.uk";
    private static final String LISTS = "newsletter=Newsletter,press=Press releases";

    private SampleOffice() {
    }

    /** Built directly: the benchmarks run on the core alone, without the Lambda wiring on their classpath. */
    static Office office() {
        List<String> address = Arrays.stream(POSTAL_ADDRESS.split("\\|")).toList();
        return new Office(NAME, address, SITE_BASE_URL, MailingListsSetting.parse(LISTS), "",
                Locale.forLanguageTag("en-GB"), ZoneId.of("Europe/London"), "");
    }

    /** What PreviewFunction's no-argument constructor reads (see Setting), as template.yaml sets it. */
    static Map<String, String> previewFunctionEnvironment() {
        return Map.of(
                "UPLOADS_BUCKET", "despatch-bench-uploads",
                "SITE_BASE_URL", SITE_BASE_URL,
                "OFFICE_NAME", NAME,
                "OFFICE_POSTAL_ADDRESS", POSTAL_ADDRESS,
                "LISTS", LISTS);
    }
}
