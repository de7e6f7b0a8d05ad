package despatch.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the parts of an article that offices type as ordinary paragraphs: release markers
 * ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL …"), a title line, a byline, and "ENDS" with the
 * notes to editors after it. Works on the source text, before it becomes HTML.
 */
final class SourceLayout {
    private static final Pattern RELEASE_MARKER = Pattern.compile(
            "(?i)(for immediate release|(press|news|media) release)[.:!]?");
    private static final Pattern EMBARGO_MARKER = Pattern.compile("(?i)\\**embargo(ed)?\\b.*");
    private static final Pattern ENDS = Pattern.compile("(?i)[-–—*\\s]*ends[-–—*\\s]*");
    private static final Pattern PLAIN_TEXT_ENDS = Pattern.compile("#\\s*#\\s*#");
    private static final Pattern NOTES_HEADING = Pattern.compile("(?i)[#*\\s]*notes?\\s+(to|for)\\s+editors?[:*\\s]*");
    private static final Pattern MARKDOWN_H1 = Pattern.compile("#\\s+(.+?)\\s*#*");
    private static final Pattern BY = Pattern.compile("(?i)by\\s+\\p{L}.*");
    private static final Pattern NAME_WITH_ROLE = Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]*(\\s+\\p{Lu}[\\p{L}'’.-]*){0,3},?\\s+(is\\s+(the\\s+)?)?"
                    + "(MP|MSP|MS|MLA|MEP|AM|Member of (Parliament|the Senedd|the Scottish Parliament)|Councillor|Cllr)"
                    + "(,?\\s+(for|of)\\s+[^.!?]+)?[.]?");
    private static final Set<String> NOT_A_NAME = Set.of("the", "this", "a", "an", "our", "your", "today", "every", "local");
    private static final int TITLE_LIMIT = 150;
    private static final int BYLINE_LIMIT = 160;

    /** The source cut into its parts; any may be absent (null). */
    record Parts(
            String title,
            String byline,
            boolean releaseMarker,
            String embargoLine,
            List<String> bodyParagraphs,
            List<String> notesParagraphs) {
    }

    private SourceLayout() {
    }

    static List<String> paragraphs(String source) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : source.split("\\n[ \\t]*\\n")) {
            if (!block.isBlank()) {
                paragraphs.add(block.stripTrailing().replaceAll("^\\n+", ""));
            }
        }
        return paragraphs;
    }

    static Parts read(String source, boolean markdown) {
        List<String> paragraphs = paragraphs(source);
        List<String> notes = null;
        int ends = endsIndex(paragraphs, markdown);
        if (ends >= 0) {
            notes = new ArrayList<>(paragraphs.subList(ends + 1, paragraphs.size()));
            paragraphs = new ArrayList<>(paragraphs.subList(0, ends));
            if (!notes.isEmpty() && NOTES_HEADING.matcher(notes.getFirst().strip()).matches()) {
                notes.removeFirst();
            }
        }
        boolean releaseMarker = false;
        String embargoLine = null;
        String title = null;
        String byline = null;
        int index = 0;
        while (index < paragraphs.size() && index < 6) {
            String line = paragraphs.get(index).strip();
            boolean oneLine = !line.contains("\n");
            if (oneLine && RELEASE_MARKER.matcher(line).matches()) {
                releaseMarker = true;
            } else if (oneLine && EMBARGO_MARKER.matcher(line).matches()) {
                embargoLine = line;
            } else if (title == null && byline == null && titleOf(line, markdown, paragraphs.size() - index > 1) != null) {
                title = titleOf(line, markdown, true);
            } else if (byline == null && isByline(line)) {
                byline = line.replaceAll("^[*_]+|[*_]+$", "");
            } else {
                break;
            }
            index++;
        }
        return new Parts(title, byline, releaseMarker, embargoLine,
                List.copyOf(paragraphs.subList(index, paragraphs.size())), notes == null ? null : List.copyOf(notes));
    }

    private static int endsIndex(List<String> paragraphs, boolean markdown) {
        for (int i = 0; i < paragraphs.size(); i++) {
            String line = paragraphs.get(i).strip();
            if (ENDS.matcher(line).matches() || !markdown && PLAIN_TEXT_ENDS.matcher(line).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Markdown: a leading "# Heading". Plain text: a short first line without a full stop, followed by more text. */
    private static String titleOf(String line, boolean markdown, boolean moreFollows) {
        if (line.contains("\n")) {
            return null;
        }
        if (markdown) {
            var h1 = MARKDOWN_H1.matcher(line);
            return h1.matches() ? h1.group(1) : null;
        }
        boolean shortLine = line.length() <= TITLE_LIMIT && line.split("\\s+").length <= 20;
        boolean sentenceEnding = line.matches(".*[.,;:]$");
        return moreFollows && shortLine && !sentenceEnding && !isByline(line) ? line : null;
    }

    private static boolean isByline(String line) {
        String plain = line.replaceAll("^[*_]+|[*_]+$", "");
        if (plain.contains("\n") || plain.length() > BYLINE_LIMIT) {
            return false;
        }
        if (BY.matcher(plain).matches()) {
            return true;
        }
        String firstWord = plain.split("\\s+")[0].toLowerCase(Locale.ROOT);
        return !NOT_A_NAME.contains(firstWord) && NAME_WITH_ROLE.matcher(plain).matches()
                && plain.split("(?<=[.!?])\\s+").length <= 2;
    }
}
