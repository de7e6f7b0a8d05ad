package despatch.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The site queue's message: {@code {"slug": "…"}} after an article changed, {@code {"rebuild": true}}
 * for a whole rebuild (staff type that one by hand, so it must stay this short).
 *
 * @param slug the changed article, or null for a rebuild
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record SiteChange(String slug, boolean rebuild) {
    public static final MessageCodec<SiteChange> CODEC = new JsonCodec<>(SiteChange.class, "a site change");
    public static final SiteChange REBUILD = new SiteChange(null, true);

    public SiteChange {
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
