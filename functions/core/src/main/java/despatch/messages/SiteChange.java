package despatch.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The site queue's message: {@code {"slug": "…"}} after an article changed, {@code {"rebuild": true}}
 * for a whole rebuild (staff type that one by hand, so it must stay this short).
 *
 * @param slug the changed article, or null for a rebuild
 * @param rerender with a rebuild, {@code "rerender": true}: every published article's page is made
 *     again from its upload with the current templates
 * @param after for a re-rendering rebuild that carries on where its last part stopped (the function
 *     sends this itself): the last article done, by slug; else null
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record SiteChange(String slug, boolean rebuild, boolean rerender, String after) {
    public static final MessageCodec<SiteChange> CODEC = new JsonCodec<>(SiteChange.class, "a site change");
    public static final SiteChange REBUILD = new SiteChange(null, true, false, null);
    public static final SiteChange RERENDER = new SiteChange(null, true, true, null);

    public SiteChange(String slug, boolean rebuild) {
        this(slug, rebuild, false, null);
    }

    public SiteChange {
        if (rerender && !rebuild) {
            throw new IllegalArgumentException("\"rerender\": true goes with \"rebuild\": true");
        }
        if (after != null && !rerender) {
            throw new IllegalArgumentException("\"after\" goes with \"rebuild\": true, \"rerender\": true");
        }
        if (rebuild) {
            slug = null;
        } else if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("a site change needs \"slug\" or \"rebuild\": true");
        }
    }

    /** The next part of a re-rendering rebuild, after the article {@code slug}. */
    public static SiteChange rerenderAfter(String slug) {
        return new SiteChange(null, true, true, slug);
    }

    public static SiteChange changed(String slug) {
        return new SiteChange(slug, false);
    }
}
