package despatch.sending;

import despatch.common.Personalisation;
import java.util.regex.Pattern;

/**
 * A campaign's rendered email, cut once at its per-recipient placeholders so that each
 * recipient's copy is a few string joins, not a Thymeleaf render: the templates are rendered
 * once per campaign, however many people it goes to.
 */
public final class EmailTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(Personalisation.UNSUBSCRIBE_URL));

    private final String[] htmlParts;
    private final String[] textParts;
    private final int htmlLength;
    private final int textLength;

    public EmailTemplate(String html, String text) {
        this.htmlParts = PLACEHOLDER.split(html, -1);
        this.textParts = PLACEHOLDER.split(text, -1);
        this.htmlLength = html.length();
        this.textLength = text.length();
        if (htmlParts.length < 2 || textParts.length < 2) {
            // Every email must carry the unsubscribe link in both parts (PECR, and the promise).
            throw new IllegalArgumentException("The rendered email lacks the " + Personalisation.UNSUBSCRIBE_URL
                    + " placeholder in its " + (htmlParts.length < 2 ? "HTML" : "text") + " part");
        }
    }

    /** The HTML part with the link written as an attribute value wants it (& as &amp;). */
    public String html(String unsubscribeUrl) {
        return join(htmlParts, attributeEscaped(unsubscribeUrl), htmlLength);
    }

    public String text(String unsubscribeUrl) {
        return join(textParts, unsubscribeUrl, textLength);
    }

    private static String join(String[] parts, String value, int length) {
        StringBuilder joined = new StringBuilder(length + (parts.length - 1) * value.length());
        joined.append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            joined.append(value).append(parts[i]);
        }
        return joined.toString();
    }

    private static String attributeEscaped(String url) {
        if (url.indexOf('&') < 0 && url.indexOf('"') < 0 && url.indexOf('<') < 0) {
            return url;
        }
        return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
