package despatch.article;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/** The front matter keys an article may use; anything else is a typo worth naming. */
enum FrontMatterKey {
    TITLE, SUMMARY, AUTHOR, DATE, KIND, LISTS, EMBARGO, SLUG, HERO_IMAGE, HERO_IMAGE_ALT, NOTES_TO_EDITORS, MEDIA_CONTACT, UNPUBLISH;

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<FrontMatterKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(FrontMatterKey::key).collect(Collectors.joining(", "));
    }

    /** The known key closest to a misspelt one, if it is close enough to be what was meant. */
    static Optional<FrontMatterKey> closestTo(String unknown) {
        String typed = unknown.toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values())
                .filter(k -> distance(k.key(), typed) <= Math.max(2, k.key().length() / 4))
                .min(Comparator.comparingInt(k -> distance(k.key(), typed)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
