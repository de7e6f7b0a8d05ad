package despatch.render;

import despatch.common.Personalisation;

/**
 * Everything a press officer previews and the publish path stores.
 *
 * @param subject the email subject, one line, never containing CR or LF
 * @param emailHtml contains {@link Personalisation#UNSUBSCRIBE_URL}, replaced per recipient at send time
 */
public record RenderedArticle(String subject, String preheader, String emailHtml, String emailText, String webHtml) {
}
