package despatch.subscription.imports;

import java.util.Locale;
import java.util.Optional;

/** The columns an import file may have; only {@code email} is required. Headers match case-insensitively. */
public enum ImportColumn {
    EMAIL("the subscriber's address (required)"),
    NAME("their name"),
    POSTCODE("their postcode"),
    LISTS("list ids separated by semicolons, e.g. newsletter;press (may be left out when the office has one list)"),
    CONSENT_DATE("when they agreed to hear from the office, e.g. 2026-03-01; with consent_source, imports them as active"),
    CONSENT_SOURCE("how they agreed, e.g. 'paper sign-up sheet, Llanfair surgery'; with consent_date, imports them as active"),
    CONSENT_WORDING("the version or text of what they agreed to"),
    SEND_CONFIRMATION("yes to email a confirmation link to rows without consent; otherwise they stay pending, unmailed");

    private final String meaning;

    ImportColumn(String meaning) {
        this.meaning = meaning;
    }

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    static Optional<ImportColumn> ofHeader(String header) {
        String normal = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (ImportColumn column : values()) {
            if (column.header().equals(normal)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
