package despatch.render;

import java.util.List;

/**
 * A page with one button that makes a change (confirm, unsubscribe, erase). Changes happen on
 * POST only, so mail scanners that fetch every link cannot make them.
 *
 * @param destructive true when the button cannot be undone (erasure), to style it as a warning
 */
public record ActionView(String title, List<String> paragraphs, String buttonLabel, String action, String token,
        boolean destructive) {
}
