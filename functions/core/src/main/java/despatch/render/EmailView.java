package despatch.render;

/**
 * The email-only parts of the model.
 *
 * @param bodyHtml the article body with inline styles, for clients that drop style blocks
 * @param bodyText the article body as wrapped plain text
 * @param unsubscribeUrl a placeholder replaced per recipient at send time, never a real link
 */
public record EmailView(
        String preheader,
        String bodyHtml,
        String bodyText,
        String notesToEditorsHtml,
        String notesToEditorsText,
        String webUrl,
        String unsubscribeUrl) {
}
