package despatch.render;

/**
 * One article in a listing: already formatted, as the templates show it.
 *
 * @param updatedIso null unless the article was corrected after it was published
 */
public record ArticleLink(
        String title,
        String url,
        String summary,
        String kindLabel,
        String dateIso,
        String dateDisplay,
        String updatedIso,
        String updatedDisplay) {
}
