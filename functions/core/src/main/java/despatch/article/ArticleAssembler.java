package despatch.article;

import static despatch.article.FrontMatterFields.where;

import despatch.office.Office;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Fills an article's defaults and checks its fields; one use per upload. */
final class ArticleAssembler {
    private static final int TITLE_HARD_LIMIT = 200;
    private static final int TITLE_SOFT_LIMIT = 100;

    private final Office office;
    private final Clock clock;
    private final SourceFormat format;
    private final String fileName;
    private final FrontMatterFields fields;
    private final SourceLayout.Parts parts;
    private final Problems problems;
    private final List<String> warnings = new ArrayList<>();
    private final ImageRefs images;
    private final boolean unpublish;

    ArticleAssembler(Office office, Clock clock, SourceFormat format, String fileName,
                     FrontMatterFields fields, SourceLayout.Parts parts, Problems problems) {
        this.office = office;
        this.clock = clock;
        this.format = format;
        this.fileName = fileName;
        this.fields = fields;
        this.parts = parts;
        this.problems = problems;
        this.unpublish = fields.flag(FrontMatterKey.UNPUBLISH);
        // Taking an article down must not be stopped by its pictures (an old one's missing alt text, say).
        this.images = new ImageRefs(format == SourceFormat.DOCX, fileName, unpublish);
    }

    ParsedArticle assemble() throws ArticleRejectedException {
        List<String> bodyParagraphs = new ArrayList<>(parts.bodyParagraphs());
        String title = title(bodyParagraphs);
        ArticleKind kind = kind();
        ZonedDateTime embargo = embargo();
        List<String> lists = lists();
        HeroImage hero = heroImage();
        String slug = slug(title);
        LocalDate date = date(embargo);
        String author = fields.line(FrontMatterKey.AUTHOR);
        String notesSource = notesSource();
        String mediaContact = kind == ArticleKind.PRESS_RELEASE ? mediaContact() : null;
        if (bodyParagraphs.isEmpty()) {
            problems.add("body", "The article has no text after the title. Write the article below the front matter.");
        }
        problems.throwIfAny();

        String base = office.articleUrl(slug);
        HtmlSanitiser.Result body = HtmlSanitiser.sanitise(format.toHtml(bodyParagraphs), base, "body", images);
        warnings.addAll(body.warnings());
        String notesHtml = null;
        if (notesSource != null) {
            HtmlSanitiser.Result notes = HtmlSanitiser.sanitise(
                    format.toHtml(SourceLayout.paragraphs(notesSource)), base, "notes to editors", images);
            warnings.addAll(notes.warnings());
            notesHtml = notes.html();
        }
        if (author == null && parts.byline() != null && parts.byline().regionMatches(true, 0, "by ", 0, 3)) {
            author = parts.byline().substring(3).strip();
        }
        Article article = new Article(slug, title, summary(body.html(), title), author, parts.byline(), kind,
                date, lists, embargo, hero, body.html(), notesHtml, mediaContact, fileName, null);
        ReservedText.check(article);
        return new ParsedArticle(article, warnings, unpublish, fields.has(FrontMatterKey.SLUG), images.all(), java.util.Map.of());
    }

    private String title(List<String> bodyParagraphs) {
        String fromFrontMatter = fields.line(FrontMatterKey.TITLE);
        String fromText = parts.title() == null ? null : Text.foldToOneLine(parts.title());
        String title;
        if (fromFrontMatter != null) {
            title = fromFrontMatter;
            if (fromText != null && !fromText.equalsIgnoreCase(fromFrontMatter)) {
                // A different heading is part of the body, not a second title.
                bodyParagraphs.addFirst(format.isMarkdown() ? "# " + fromText : fromText);
            }
        } else if (fromText != null) {
            title = fromText;
        } else {
            title = Text.titleFromFileName(fileName);
            warnings.add("No title found, so the file name gave one: '" + title + "'. Add `title:` to the front matter"
                    + (format == SourceFormat.PLAIN_TEXT ? " or put the title on the first line." : "."));
        }
        if (title.length() > TITLE_HARD_LIMIT) {
            problems.add(where(FrontMatterKey.TITLE), "The title is " + title.length() + " characters; keep it under "
                    + TITLE_HARD_LIMIT + " (inboxes show about 60).");
        } else if (title.length() > TITLE_SOFT_LIMIT) {
            warnings.add("The title is " + title.length() + " characters; inboxes show about 60 of an email's subject.");
        }
        return title;
    }

    private ArticleKind kind() {
        String text = fields.line(FrontMatterKey.KIND);
        if (text != null) {
            return ArticleKind.fromText(text).orElseGet(() -> {
                problems.add(where(FrontMatterKey.KIND), "'" + text + "' is not a kind. Use newsletter or press-release.");
                return ArticleKind.NEWSLETTER;
            });
        }
        boolean looksLikeRelease = parts.releaseMarker() || parts.notesParagraphs() != null
                || fields.has(FrontMatterKey.NOTES_TO_EDITORS) || fields.has(FrontMatterKey.MEDIA_CONTACT);
        return looksLikeRelease ? ArticleKind.PRESS_RELEASE : ArticleKind.NEWSLETTER;
    }

    private ZonedDateTime embargo() {
        ZonedDateTime embargo = fields.dateTime(FrontMatterKey.EMBARGO);
        if (embargo == null && parts.embargoMention() != null && !fields.has(FrontMatterKey.EMBARGO)) {
            problems.add("body", "The text says '" + Text.shorten(parts.embargoMention(), 80) + "' but no embargo is set, so it "
                    + "would be published at once. Add front matter at the top, e.g.\n---\nembargo: 2026-12-01T00:01[Europe/London]\n---\n"
                    + "or take the embargo out of the text.");
        }
        if (embargo != null && !embargo.toInstant().isAfter(clock.instant())) {
            warnings.add("The embargo (" + embargo + ") has already passed, so the article is published at once.");
        }
        return embargo;
    }

    private List<String> lists() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : fields.list(FrontMatterKey.LISTS)) {
            String normalised = id.toLowerCase(Locale.ROOT);
            if (office.lists().containsKey(normalised)) {
                ids.add(normalised);
            } else {
                problems.add(where(FrontMatterKey.LISTS), "There is no list '" + id + "'. Lists: " + definedLists() + ".");
            }
        }
        if (ids.isEmpty() && problems.isEmpty()) {
            warnings.add("No lists are named, so the web page is published and no email will be sent. "
                    + "To email subscribers add e.g. `lists: [" + office.lists().keySet().stream().findFirst().orElse("newsletter") + "]`.");
        }
        return List.copyOf(ids);
    }

    private String definedLists() {
        return office.lists().values().stream()
                .map(list -> list.id() + " (" + list.displayName() + ")").sorted().collect(Collectors.joining(", "));
    }

    private HeroImage heroImage() {
        String url = fields.line(FrontMatterKey.HERO_IMAGE);
        String alt = fields.line(FrontMatterKey.HERO_IMAGE_ALT);
        if (images.takingDown()) {
            return null;
        }
        if (url == null) {
            if (alt != null) {
                problems.add(where(FrontMatterKey.HERO_IMAGE_ALT), "hero_image_alt is set but hero_image is not. Add the image's address.");
            }
            return null;
        }
        if (alt == null) {
            problems.add(where(FrontMatterKey.HERO_IMAGE_ALT), "The hero image needs alt text: describe the picture for people "
                    + "who cannot see it, e.g. `hero_image_alt: Jane Smith MP at the reopened bus station`.");
            return null;
        }
        if (images.isOwn(url)) {
            try {
                return new HeroImage(images.add(url, alt, false, where(FrontMatterKey.HERO_IMAGE)).placeholder(), alt);
            } catch (ArticleRejectedException e) {
                problems.addAll(e.problems());
                return null;
            }
        }
        if (!isWebAddress(url)) {
            problems.add(where(FrontMatterKey.HERO_IMAGE), "'" + url + "' is not a web address. Use a full https:// address of the "
                    + "image, or upload the image beside the article and give its file name.");
        }
        return new HeroImage(url, alt);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String slug(String title) {
        String given = fields.line(FrontMatterKey.SLUG);
        if (given != null) {
            if (!Text.isSlug(given)) {
                problems.add(where(FrontMatterKey.SLUG), "'" + given + "' cannot be part of a web address. Use lower-case "
                        + "letters, digits and single hyphens, at most " + Text.SLUG_LIMIT + " characters, e.g. "
                        + (Text.slugify(given).isEmpty() ? "bus-route-saved" : Text.slugify(given)) + ".");
            }
            return given;
        }
        String slug = Text.slugify(title);
        if (slug.isEmpty()) {
            slug = Text.slugify(Text.titleFromFileName(fileName));
        }
        return slug.isEmpty() ? "article-" + LocalDate.now(clock.withZone(office.zone())) : slug;
    }

    private String notesSource() {
        String fromFrontMatter = fields.multiline(FrontMatterKey.NOTES_TO_EDITORS);
        boolean inText = parts.notesParagraphs() != null && !parts.notesParagraphs().isEmpty();
        if (fromFrontMatter != null && inText) {
            problems.add(where(FrontMatterKey.NOTES_TO_EDITORS), "Notes to editors are given twice: in the front matter "
                    + "and after ENDS in the text. Keep one.");
        }
        return fromFrontMatter != null ? fromFrontMatter : inText ? String.join("\n\n", parts.notesParagraphs()) : null;
    }

    private String mediaContact() {
        String contact = fields.multiline(FrontMatterKey.MEDIA_CONTACT);
        if (contact != null) {
            return contact;
        }
        return office.mediaContact().isEmpty() ? null : office.mediaContact();
    }

    /** The front matter's, else the text's date line, else the embargo's day, else today. */
    private LocalDate date(ZonedDateTime embargo) {
        LocalDate given = fields.date(FrontMatterKey.DATE, office.zone());
        if (given != null) {
            return given;
        }
        if (parts.date() != null) {
            return parts.date();
        }
        return embargo != null ? embargo.withZoneSameInstant(office.zone()).toLocalDate() : LocalDate.now(clock.withZone(office.zone()));
    }

    private String summary(String bodyHtml, String title) {
        String given = fields.line(FrontMatterKey.SUMMARY);
        if (given != null) {
            return given;
        }
        for (Element paragraph : Jsoup.parseBodyFragment(bodyHtml).select("p")) {
            if (!paragraph.text().isBlank()) {
                return Text.shorten(paragraph.text(), Text.SUMMARY_LIMIT);
            }
        }
        return title;
    }
}
