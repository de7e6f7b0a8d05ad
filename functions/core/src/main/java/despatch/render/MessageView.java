package despatch.render;

import java.util.List;

/**
 * A page that tells the person what happened: done, check your inbox, or what went wrong and
 * what to do about it.
 *
 * @param linkLabel text of the one link onward, or null for none
 */
public record MessageView(String title, List<String> paragraphs, String linkLabel, String linkUrl) {
}
