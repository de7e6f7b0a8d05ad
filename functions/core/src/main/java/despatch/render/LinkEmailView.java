package despatch.render;

import java.util.List;

/**
 * A short email that carries one link: confirm a subscription, or manage one.
 *
 * @param subject also the first heading
 * @param intro paragraphs before the button
 * @param buttonLabel the link's text
 * @param outro paragraphs after it (why they got this, what to do if it was not them)
 */
public record LinkEmailView(String subject, String preheader, List<String> intro, String buttonLabel, String url,
        List<String> outro) {
}
