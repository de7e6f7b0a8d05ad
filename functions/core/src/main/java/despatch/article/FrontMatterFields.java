package despatch.article;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Typed, checked reads of front matter values; each wrong value becomes a problem that names the key. */
final class FrontMatterFields {
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private final Map<String, Object> raw;
    private final Problems problems;

    FrontMatterFields(Map<String, Object> raw, Problems problems) {
        this.raw = raw;
        this.problems = problems;
        for (String key : raw.keySet()) {
            if (FrontMatterKey.of(key).isEmpty()) {
                String hint = FrontMatterKey.closestTo(key).map(k -> " Did you mean '" + k.key() + "'?").orElse("");
                problems.add("front matter: " + key, "Unknown key '" + key + "'." + hint
                        + " Allowed keys: " + FrontMatterKey.allowed() + ".");
            }
        }
    }

    boolean has(FrontMatterKey key) {
        return raw.get(key.key()) != null;
    }

    /** A one-line value: line breaks fold to spaces, so nothing from here can break an email header. */
    String line(FrontMatterKey key) {
        String value = multiline(key);
        return value == null ? null : Text.foldToOneLine(value);
    }

    String multiline(FrontMatterKey key) {
        Object value = raw.get(key.key());
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            problems.add(where(key), "Expected text, found binary data (!!binary). Write it as `" + key.key() + ": your text`.");
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            problems.add(where(key), "Expected text, found a " + (value instanceof Map ? "nested block" : "list")
                    + ". Write it as `" + key.key() + ": your text`.");
            return null;
        }
        String text = String.valueOf(value).strip();
        if (CONTROL.matcher(text).find()) {
            // YAML escapes ("\0", "\e", "\N") can smuggle what the raw-file check never saw.
            problems.add(where(key), "It contains an invisible control character. Retype the value.");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** A list written either as YAML [a, b] / "- a" lines, or as "a, b". */
    List<String> list(FrontMatterKey key) {
        Object value = raw.get(key.key());
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    problems.add(where(key), "Each item must be a plain name, e.g. `" + key.key() + ": [newsletter, press]`.");
                    return List.of();
                }
                items.add(String.valueOf(item).strip());
            }
        } else if (value instanceof Map<?, ?>) {
            problems.add(where(key), "Expected a list, e.g. `" + key.key() + ": [newsletter, press]`.");
        } else {
            for (String part : String.valueOf(value).split(",")) {
                items.add(part.strip());
            }
        }
        items.removeIf(String::isEmpty);
        return items;
    }

    /** Yes or no: YAML's true/false, or yes/no as people write them; anything else is a problem. */
    boolean flag(FrontMatterKey key) {
        Object value = raw.get(key.key());
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (Boolean.TRUE.equals(value)) {
            return true;
        }
        String text = String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT);
        if (text.equals("yes") || text.equals("true")) {
            return true;
        }
        if (text.equals("no") || text.equals("false")) {
            return false;
        }
        problems.add(where(key), "Expected yes or no, e.g. `" + key.key() + ": yes`.");
        return false;
    }

    LocalDate date(FrontMatterKey key, ZoneId zone) {
        String text = line(key);
        if (text == null) {
            return null;
        }
        try {
            return DateTimes.parseDate(text, zone);
        } catch (IllegalArgumentException e) {
            problems.add(where(key), e.getMessage());
            return null;
        }
    }

    ZonedDateTime dateTime(FrontMatterKey key) {
        String text = line(key);
        if (text == null) {
            return null;
        }
        try {
            return DateTimes.parseZoned(text);
        } catch (IllegalArgumentException e) {
            problems.add(where(key), e.getMessage());
            return null;
        }
    }

    static String where(FrontMatterKey key) {
        return "front matter: " + key.key();
    }
}
