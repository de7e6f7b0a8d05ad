package despatch.article;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How deep Markdown will nest, counted on the text before any parser sees it: CommonMark recurses
 * once per level and overflows the stack on thousands, and jsoup slows to tens of seconds on
 * thousands of unclosed blocks. Each count is a lower bound of the depth the sanitiser would
 * measure, so nothing it would accept is refused here.
 */
final class NestingDepth {

    /** Block HTML that nests when left open; inline tags are left to the sanitiser's own count. */
    private static final Pattern BLOCK_TAG = Pattern.compile("<(/?)(?:div|blockquote|ul|ol|dl)(?=[\\s/>])[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDERED_MARKER = Pattern.compile("\\d{1,9}[.)] ");

    private NestingDepth() {
    }

    /** Quotes and list items opened at the start of one line, or emphasis opened and closed within one. */
    static int ofMarkdown(String markdown) {
        int deepest = 0;
        for (String line : markdown.split("\n")) {
            deepest = Math.max(deepest, Math.max(containersOpenedBy(line), emphasisLevels(line)));
        }
        return deepest;
    }

    /** Unclosed block elements written as raw HTML. */
    static int ofHtml(String markdown) {
        int open = 0;
        int deepest = 0;
        Matcher tag = BLOCK_TAG.matcher(markdown);
        while (tag.find()) {
            open = tag.group(1).isEmpty() ? open + 1 : Math.max(0, open - 1);
            deepest = Math.max(deepest, open);
        }
        return deepest;
    }

    /** "> > - 1. text" opens four containers; a line of "* * *" is a rule, not three lists. */
    private static int containersOpenedBy(String line) {
        if (isThematicBreak(line)) {
            return 0;
        }
        int depth = 0;
        int i = 0;
        while (true) {
            int spaces = 0;
            while (i < line.length() && line.charAt(i) == ' ' && spaces < 3) {
                i++;
                spaces++;
            }
            if (i >= line.length()) {
                return depth;
            }
            char c = line.charAt(i);
            if (c == '>') {
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                i += 2;
            } else {
                Matcher ordered = ORDERED_MARKER.matcher(line).region(i, line.length());
                if (!ordered.lookingAt()) {
                    return depth;
                }
                i = ordered.end();
            }
            depth++;
        }
    }

    /** Three or more of one of - * _ and nothing else but spaces (counted without a regex: lines can be long). */
    private static boolean isThematicBreak(String line) {
        char marker = 0;
        int markers = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if ((c != '-' && c != '*' && c != '_') || (marker != 0 && c != marker)) {
                return false;
            }
            marker = c;
            markers++;
        }
        return markers >= 3;
    }

    /**
     * A run of n markers that can open, closed later by a run of m, gives at least min(n, m) / 2
     * levels (each strong emphasis takes two markers from each side).
     */
    private static int emphasisLevels(String line) {
        int deepest = 0;
        for (char marker : new char[] {'*', '_'}) {
            int opening = 0;
            int run = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i < line.length() && line.charAt(i) == marker) {
                    run++;
                    continue;
                }
                if (run > 0) {
                    int start = i - run;
                    if (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
                        deepest = Math.max(deepest, Math.min(opening, run) / 2);
                    }
                    if (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                        opening = Math.max(opening, run);
                    }
                    run = 0;
                }
            }
        }
        return deepest;
    }
}
