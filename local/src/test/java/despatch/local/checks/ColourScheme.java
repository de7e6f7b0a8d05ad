package despatch.local.checks;

import java.util.Locale;

/** The reader's {@code prefers-color-scheme}: the pages and emails style both. */
public enum ColourScheme {
    LIGHT, DARK;

    /** As CSS names it, and as file names use it. */
    public String cssValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
