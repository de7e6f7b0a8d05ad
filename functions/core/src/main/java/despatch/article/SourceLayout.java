package despatch.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of an article that offices type as ordinary lines: release markers
 * ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL …"), a date line, a title, a byline, and "ENDS"
 * with the notes to editors after it (English and Welsh). Works on the source text, before it
 * becomes HTML, line by line at the top so that a marker sharing a block with the headline
 * (Word's single line breaks) is still found.
 */
final class SourceLayout {
    private static final Pattern RELEASE_MARKER = Pattern.compile(
            "(?i)[\\W_]*(for immediate release|(press|news|media) release|datganiad i['’]?r wasg|i['’]?w ryddhau ar unwaith)\\b.{0,80}");
    private static final Pattern EMBARGO_LINE = Pattern.compile("(?i)[\\W_]*embargo(ed)?\\s*(until|till|to|:|-|–|—).*");
    /** An embargo stated anywhere in the text, notes included; "an embargo on oil" is not one. */
    private static final Pattern EMBARGO_MENTION = Pattern.compile(
            "(?i)(\\bembargo(ed)?\\s*(until|till|to)\\b|^[\\W_]*embargo(ed)?\\s*[:–—-]|\\bunder embargo\\b|\\bwedi['’]?i embargo\\b)");
    private static final Pattern ENDS = Pattern.compile("(?i)[-–—*#\\s]*(ends|diwedd)[-–—*.#\\s]*");
    private static final Pattern PLAIN_TEXT_ENDS = Pattern.compile("#\\s*#\\s*#");
    private static final Pattern NOTES_HEADING = Pattern.compile(
            "(?i)[#*\\s]*(notes?\\s+(to|for)\\s+editors?|nodiadau i olygyddion)[:*.\\s]*");
    private static final Pattern MARKDOWN_H1 = Pattern.compile("#\\s+(.+?)\\s*#*");
    private static final int TITLE_LIMIT = 150;

    /**
     * The source cut into its parts; any may be absent (null).
     *
     * @param embargoMention the first line anywhere that says the text is embargoed
     */
    record Parts(
            String title,
            String byline,
            LocalDate date,
            boolean releaseMarker,
            String embargoMention,
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

    /** Plain text pasted from Word often has a paragraph per line and no blank lines at all. */
    private static List<String> plainTextParagraphs(String source) {
        List<String> paragraphs = paragraphs(source);
        if (paragraphs.size() == 1 && paragraphs.getFirst().contains("\n")) {
            return Arrays.stream(paragraphs.getFirst().split("\n")).filter(line -> !line.isBlank()).toList();
        }
        return paragraphs;
    }

    static Parts read(String source, boolean markdown) {
        List<String> paragraphs = new ArrayList<>(markdown ? paragraphs(source) : plainTextParagraphs(source));
        String embargoMention = embargoMention(paragraphs);
        List<String> notes = splitAtEnds(paragraphs, markdown);
        boolean releaseMarker = false;
        String title = null;
        String byline = null;
        LocalDate date = null;
        for (int step = 0; step < 10 && !paragraphs.isEmpty(); step++) {
            String paragraph = paragraphs.getFirst().strip();
            String line = paragraph.lines().findFirst().orElse("").strip();
            boolean oneLine = !paragraph.contains("\n");
            LocalDate dateLine = date == null ? DateLine.parse(line) : null;
            String titleLine = oneLine && title == null ? titleOf(line, markdown, paragraphs.size() > 1) : null;
            if (RELEASE_MARKER.matcher(line).matches()) {
                releaseMarker = true;
            } else if (EMBARGO_LINE.matcher(line).matches()) {
                // Recorded by embargoMention; the embargo line itself is drawn from front matter.
            } else if (dateLine != null) {
                date = dateLine;
            } else if (titleLine != null) {
                title = titleLine;
            } else if (oneLine && byline == null && Bylines.isByline(line)) {
                byline = Bylines.clean(line);
            } else {
                break;
            }
            dropFirstLine(paragraphs);
        }
        return new Parts(title, byline, date, releaseMarker, embargoMention, List.copyOf(paragraphs),
                notes == null ? null : List.copyOf(notes));
    }

    private static void dropFirstLine(List<String> paragraphs) {
        String paragraph = paragraphs.removeFirst().strip();
        int newline = paragraph.indexOf('\n');
        if (newline >= 0 && !paragraph.substring(newline + 1).isBlank()) {
            paragraphs.addFirst(paragraph.substring(newline + 1));
        }
    }

    private static String embargoMention(List<String> paragraphs) {
        for (String paragraph : paragraphs) {
            for (String line : paragraph.split("\n")) {
                if (EMBARGO_MENTION.matcher(line.strip()).find()) {
                    return line.strip();
                }
            }
        }
        return null;
    }

    /** Removes "ENDS" and everything after it from the paragraphs; returns what came after, or null. */
    private static List<String> splitAtEnds(List<String> paragraphs, boolean markdown) {
        for (int i = 0; i < paragraphs.size(); i++) {
            String[] lines = paragraphs.get(i).strip().split("\n", 2);
            String first = lines[0].strip();
            if (ENDS.matcher(first).matches() || !markdown && PLAIN_TEXT_ENDS.matcher(first).matches()) {
                List<String> notes = new ArrayList<>();
                if (lines.length > 1 && !lines[1].isBlank()) {
                    notes.add(lines[1]);
                }
                notes.addAll(paragraphs.subList(i + 1, paragraphs.size()));
                paragraphs.subList(i, paragraphs.size()).clear();
                dropNotesHeading(notes);
                return notes;
            }
        }
        return null;
    }

    private static void dropNotesHeading(List<String> notes) {
        if (!notes.isEmpty()) {
            String first = notes.getFirst().strip().lines().findFirst().orElse("");
            if (NOTES_HEADING.matcher(first).matches()) {
                dropFirstLine(notes);
            }
        }
    }

    /** Markdown: a leading "# Heading". Plain text: a short first line that is not a sentence, followed by more text. */
    private static String titleOf(String line, boolean markdown, boolean moreFollows) {
        if (markdown) {
            Matcher h1 = MARKDOWN_H1.matcher(line);
            return h1.matches() ? h1.group(1) : null;
        }
        String unquoted = line.replaceAll("[\"'”’)\\]]+$", "");
        boolean shortLine = line.length() <= TITLE_LIMIT && line.split("\\s+").length <= 20;
        boolean sentence = unquoted.matches(".*[.,;:]$");
        boolean quotation = line.matches("^[\"“‘'].*");
        return moreFollows && shortLine && !sentence && !quotation && !Bylines.isByline(line) ? line : null;
    }

    /** "Tuesday 3 December 2024", "3rd December 2024": the date offices put under the headline. */
    static final class DateLine {
        private static final Pattern DATE = Pattern.compile(
                "(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+"
                        + "(january|february|march|april|may|june|july|august|september|october|november|december),?\\s+(\\d{4})\\.?");
        private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
                "august", "september", "october", "november", "december");

        private DateLine() {
        }

        static LocalDate parse(String line) {
            Matcher matcher = DATE.matcher(line.strip());
            if (!matcher.matches()) {
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(matcher.group(3)),
                        MONTHS.indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) + 1, Integer.parseInt(matcher.group(1)));
            } catch (java.time.DateTimeException notARealDate) {
                return null;
            }
        }
    }

    /** Bylines: "By Jane Smith", "Jane Smith MP", "Jane Smith is MP for Llanfair and Pen-y-bryn." */
    static final class Bylines {
        private static final int LIMIT = 160;
        private static final Pattern ROLE = Pattern.compile(
                "(.*?),?\\s+(?:is\\s+(?:the\\s+)?)?(MP|MSP|MS|AS|MLA|MEP|AM|Member of (?:Parliament|the Senedd|the Scottish Parliament)"
                        + "|Aelod o['’]r Senedd|Councillor|Cllr)(?:,?\\s+(?:for|of|dros)\\s+(.+?))?[.]?");
        private static final Set<String> PARTICLES = Set.of("and", "of", "the", "upon", "on", "de", "van", "von", "ap", "a", "&", "y", "dros");

        private Bylines() {
        }

        static String clean(String line) {
            return line.strip().replaceAll("^[*_]+|[*_]+$", "");
        }

        static boolean isByline(String line) {
            String plain = clean(line);
            if (plain.isEmpty() || plain.contains("\n") || plain.length() > LIMIT) {
                return false;
            }
            if (plain.regionMatches(true, 0, "by ", 0, 3)) {
                return namedWords(plain.substring(3).replaceAll("[.,]", " "), 10);
            }
            Matcher role = ROLE.matcher(plain);
            if (!role.matches()) {
                return false;
            }
            boolean name = namedWords(role.group(1), 4);
            return name && (role.group(3) == null || namedWords(role.group(3).replaceAll("[,]", " "), 6));
        }

        /** At most {@code limit} words, each capitalised or a joining word: a name or a place, not a sentence. */
        private static boolean namedWords(String text, int limit) {
            String[] words = text.strip().split("\\s+");
            if (words.length == 0 || words.length > limit || words[0].isEmpty() || !Character.isUpperCase(words[0].codePointAt(0))) {
                return false;
            }
            for (String word : words) {
                boolean capitalised = Character.isUpperCase(word.codePointAt(0));
                if (!capitalised && !PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }
    }
}
