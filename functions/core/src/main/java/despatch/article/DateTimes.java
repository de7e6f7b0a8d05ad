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

    /** "00:01+00:00[Europe/London]" in July would quietly mean 01:01 BST: refuse rather than guess. */
    private static void checkOffsetMatchesZone(String text, ZonedDateTime parsed) {
        int bracket = text.indexOf('[');
        if (bracket < 0) {
            return;
        }
        try {
            java.time.OffsetDateTime written = java.time.OffsetDateTime.parse(text.substring(0, bracket));
            if (!parsed.getZone().getRules().isValidOffset(written.toLocalDateTime(), written.getOffset())) {
                throw new IllegalArgumentException("'" + text + "' gives the offset " + written.getOffset() + ", but "
                        + parsed.getZone() + " is not at that offset then. Leave the offset out: "
                        + written.toLocalDateTime() + "[" + parsed.getZone() + "].");
            }
        } catch (DateTimeParseException noOffsetWritten) {
            // "2026-12-01T00:01[Europe/London]": the zone alone decides, which is what we want.
        }
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
            ZonedDateTime parsed = ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME);
            checkOffsetMatchesZone(text, parsed);
            return parsed;
        } catch (DateTimeParseException ignored) {
            // try the friendlier forms below
        }
        if (text.endsWith("]") && text.indexOf('[') > 0) {
            int bracket = text.indexOf('[');
            try {
                return LocalDateTime.parse(text.substring(0, bracket)).atZone(ZoneId.of(text.substring(bracket + 1, text.length() - 1)));
            } catch (DateTimeException ignored) {
                // fall through to the explanation
            }
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
                    + "e.g. 2026-12-01T00:01[Europe/London] or 2026-12-01T00:01:00Z.");
        }
    }

}
