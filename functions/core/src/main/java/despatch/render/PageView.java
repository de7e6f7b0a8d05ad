package despatch.render;

/**
 * The web-page-only parts of the model.
 *
 * @param jsonLd a schema.org NewsArticle as JSON, already safe to place inside a script element
 */
public record PageView(String jsonLd, String description) {
}
