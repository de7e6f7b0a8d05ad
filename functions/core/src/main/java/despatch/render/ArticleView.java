package despatch.render;

/**
 * What the templates show of an article, already formatted: templates hold layout, not logic.
 * Nullable fields are optional in the article and the templates leave their block out.
 *
 * @param bodyHtml sanitised article body for the web page (headings start at h2)
 * @param updatedDisplay null unless the article was corrected after it was published
 * @param embargoLine press releases only: "Embargoed until …" or "For immediate release"; null for newsletters
 * @param hero the hero image with its size and widths, or null (heroImageUrl and heroImageAlt say the same, as before)
 * @param card the picture a shared link shows: the article's own card, or the office's default
 */
public record ArticleView(
        String slug,
        String title,
        String summary,
        String author,
        String byline,
        boolean pressRelease,
        String kindLabel,
        String publishedIso,
        String publishedDisplay,
        String embargoLine,
        String bodyHtml,
        String heroImageUrl,
        String heroImageAlt,
        String notesToEditorsHtml,
        String mediaContact,
        String canonicalUrl,
        String updatedIso,
        String updatedDisplay,
        ImageView hero,
        ImageView card) {

    /** The same view with another embargo line (the page's, once an embargoed release is out). */
    public ArticleView withEmbargoLine(String line) {
        return new ArticleView(slug, title, summary, author, byline, pressRelease, kindLabel, publishedIso, publishedDisplay, line, bodyHtml,
                heroImageUrl, heroImageAlt, notesToEditorsHtml, mediaContact, canonicalUrl, updatedIso, updatedDisplay, hero, card);
    }
}
