package despatch.subscription.imports;

import despatch.office.Office;
import despatch.render.FieldError;
import despatch.subscription.ImportRequest;
import despatch.subscription.InvalidRequestException;
import despatch.subscription.SubscribeRequest;
import despatch.subscription.SubscribeRequestCheck;
import despatch.subscription.ValidSubscription;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one CSV row into an import request, with the same checks as the subscribe form plus the consent columns'. */
final class ImportRowCheck {
    private static final int TEXT_LIMIT = 300;
    private static final Set<String> YES = Set.of("yes", "y", "true", "1");

    private final SubscribeRequestCheck check;
    private final ZoneId zone;
    private final Instant now;

    ImportRowCheck(Office office, Instant now) {
        this.check = new SubscribeRequestCheck(office);
        this.zone = office.zone();
        this.now = now;
    }

    ImportRequest check(Map<ImportColumn, String> row) throws RowRejectedException {
        List<String> lists = Arrays.stream(value(row, ImportColumn.LISTS).split("[;,\\s]+")).filter(s -> !s.isBlank()).toList();
        ValidSubscription valid;
        try {
            valid = check.check(new SubscribeRequest(value(row, ImportColumn.EMAIL), value(row, ImportColumn.NAME),
                    value(row, ImportColumn.POSTCODE), lists, null));
        } catch (InvalidRequestException e) {
            throw new RowRejectedException(String.join(" ", e.errors().stream().map(ImportRowCheck::describe).toList()));
        }
        String date = value(row, ImportColumn.CONSENT_DATE);
        String source = text(row, ImportColumn.CONSENT_SOURCE);
        if (date.isEmpty() != source.isEmpty()) {
            throw new RowRejectedException("Give both consent_date and consent_source to import someone as active, or neither to make them pending.");
        }
        Optional<Instant> consentAt = date.isEmpty() ? Optional.empty() : Optional.of(consentDate(date));
        return new ImportRequest(valid.address(), valid.name(), valid.postcode(), valid.lists(), consentAt, source,
                text(row, ImportColumn.CONSENT_WORDING), YES.contains(value(row, ImportColumn.SEND_CONFIRMATION).toLowerCase(Locale.ROOT)));
    }

    private Instant consentDate(String date) throws RowRejectedException {
        Instant at;
        try {
            at = date.length() == 10 ? LocalDate.parse(date).atStartOfDay(zone).toInstant() : OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("consent_date '" + date + "' is not a date; write it as 2026-03-01 (or 2026-03-01T10:30:00Z).");
        }
        if (at.isAfter(now)) {
            throw new RowRejectedException("consent_date " + date + " is in the future.");
        }
        return at;
    }

    private static String describe(FieldError error) {
        return switch (error.field()) {
            case "name", "postcode", "lists" -> error.field() + ": " + error.message();
            default -> error.message();
        };
    }

    private static String value(Map<ImportColumn, String> row, ImportColumn column) {
        return row.getOrDefault(column, "").strip();
    }

    private static String text(Map<ImportColumn, String> row, ImportColumn column) throws RowRejectedException {
        String text = value(row, column);
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new RowRejectedException(column.header() + " cannot contain line breaks.");
        }
        if (text.length() > TEXT_LIMIT) {
            throw new RowRejectedException(column.header() + " can be at most " + TEXT_LIMIT + " characters.");
        }
        return text;
    }

    static final class RowRejectedException extends Exception {
        RowRejectedException(String message) {
            super(message);
        }
    }
}
