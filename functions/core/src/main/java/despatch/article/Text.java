package despatch.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text rules shared by both parsers and the renderer. */
public final class Text {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2028\\u2029]+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[-_ ]+");
    static final int SUMMARY_LIMIT = 200;
    static final int SLUG_LIMIT = 80;

    private Text() {
    }

    /** Folds any run of whitespace, line breaks included, into one space: header-safe. */
    static String foldToOneLine(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** "2026-11-20-bus-route_saved.txt" becomes "Bus route saved". */
    static String titleFromFileName(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        base = LEADING_DATE.matcher(base).replaceFirst("");
        String words = foldToOneLine(base.replaceAll("[-_.]+", " "));
        if (words.isEmpty()) {
            return "Untitled";
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** Cuts at a word boundary and marks the cut, so previews and meta descriptions stay short. */
    public static String shorten(String text, int limit) {
        String oneLine = foldToOneLine(text);
        if (oneLine.length() <= limit) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', limit - 1);
        if (cut <= limit / 2) {
            cut = limit - 1;
            if (Character.isHighSurrogate(oneLine.charAt(cut - 1))) {
                cut--; // never split an emoji or other astral character in half
            }
        }
        return oneLine.substring(0, cut).stripTrailing() + "…";
    }

    /** ASCII slug for URLs: accents dropped ("Café" → "cafe"), everything else becomes hyphens. */
    static String slugify(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = NOT_SLUG.matcher(decomposed.toLowerCase(Locale.ROOT).replace("'", "").replace("’", ""))
                .replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LIMIT) {
            slug = slug.substring(0, SLUG_LIMIT).replaceAll("-[^-]*$", "");
        }
        return slug;
    }

    static boolean isSlug(String text) {
        return text.length() <= SLUG_LIMIT && text.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
