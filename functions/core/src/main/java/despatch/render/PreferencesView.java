package despatch.render;

import java.util.List;

/**
 * The preferences page reached from a signed link: lists to tick, and the ways to leave or ask
 * for one's data. Every form carries the token as a hidden field.
 *
 * @param notice a line confirming the last change, or null
 */
public record PreferencesView(String token, String saveAction, List<ListChoice> lists, String notice,
        String unsubscribeAction, String exportAction, String eraseAction) {
}
