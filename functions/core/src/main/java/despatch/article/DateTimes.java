package despatch.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the dates people write in front matter, strictly: a guessed embargo is worse than an error. */
final class DateTimes {
    private DateTimes() {
    }

    static LocalDate parseDate(String text, ZoneId zone) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            try {
                return parseZoned(text).withZoneSameInstant(zone).toLocalDate();
            } catch (IllegalArgumentException notADateTime) {
                throw new IllegalArgumentException("'" + text + "' is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-20.");
            }
        }
    }

    /**
     * An instant with its zone: "2026-12-01T00:01:00Z", "…+00:00", "…[Europe/London]" or
     * "2026-12-01T00:01 Europe/London". A time without a zone is refused, because an embargo
     * an hour out (BST versus GMT) is a broken embargo.
     */
    static ZonedDateTime parseZoned(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the friendlier forms below
        }
        int space = text.lastIndexOf(' ');
        if (space > 0) {
            try {
                LocalDateTime local = LocalDateTime.parse(text.substring(0, space).strip());
                return local.atZone(ZoneId.of(text.substring(space + 1).strip()));
            } catch (DateTimeException ignored) {
                // fall through to the explanation
            }
        }
        try {
            LocalDateTime.parse(text);
            throw new IllegalArgumentException("'" + text + "' has no time zone. Add one: " + text + "Z for UTC, "
                    + text + "+01:00 for an offset, or " + text + "[Europe/London] for UK time.");
        } catch (DateTimeParseException notEvenLocal) {
            throw new IllegalArgumentException("'" + text + "' is not a date and time. Write it as ISO 8601 with a zone, "
                    + "e.g. 2026-12-01T00:01:00Z or 2026-12-01T00:01:00+00:00[Europe/London].");
        }
    }

}
