package despatch.article;

import despatch.office.SitePaths;
import java.util.Locale;
import java.util.Optional;

/** Newsletters and press releases share a pipeline but not a look: a press release has an embargo line, ENDS and notes. */
public enum ArticleKind {
    NEWSLETTER("newsletter", "Newsletter"),
    PRESS_RELEASE("press-release", "Press release");

    private final String id;
    private final String label;

    ArticleKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The site directory that lists this kind's articles. */
    public String listing() {
        return this == PRESS_RELEASE ? SitePaths.PRESS_RELEASES : SitePaths.NEWSLETTERS;
    }

    /** Accepts "press-release", "Press release", "press_release" alike: people type it all three ways. */
    public static Optional<ArticleKind> fromText(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        for (ArticleKind kind : values()) {
            if (kind.id.equals(normalised)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
