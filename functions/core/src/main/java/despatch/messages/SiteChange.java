package despatch.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The site queue's message: {@code {"slug": "…"}} after an article changed, {@code {"rebuild": true}}
 * for a whole rebuild (staff type that one by hand, so it must stay this short).
 *
 * @param slug the changed article, or null for a rebuild
 * @param rerender with a rebuild, {@code "rerender": true}: every published article's page is made
 *     again from its upload with the current templates
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record SiteChange(String slug, boolean rebuild, boolean rerender) {
    public static final MessageCodec<SiteChange> CODEC = new JsonCodec<>(SiteChange.class, "a site change");
    public static final SiteChange REBUILD = new SiteChange(null, true, false);
    public static final SiteChange RERENDER = new SiteChange(null, true, true);

    public SiteChange(String slug, boolean rebuild) {
        this(slug, rebuild, false);
    }

    public SiteChange {
        if (rerender && !rebuild) {
            throw new IllegalArgumentException("\"rerender\": true goes with \"rebuild\": true");
        }
        if (rebuild) {
            slug = null;
        } else if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("a site change needs \"slug\" or \"rebuild\": true");
        }
    }

    public static SiteChange changed(String slug) {
        return new SiteChange(slug, false);
    }
}
