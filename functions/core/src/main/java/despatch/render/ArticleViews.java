package despatch.render;

import despatch.article.Article;
import despatch.common.Personalisation;
import despatch.office.Office;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Builds the template models from an article: all formatting happens here, none in templates. */
final class ArticleViews {
    private final Office office;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter embargoFormat;

    ArticleViews(Office office) {
        this.office = office;
        this.dateFormat = DateTimeFormatter.ofPattern("d MMMM yyyy", office.language());
        this.embargoFormat = DateTimeFormatter.ofPattern("HH:mm zzz 'on' EEEE d MMMM yyyy", office.language())
                .withZone(office.zone());
    }

    ArticleView article(Article article, Instant now, Instant updatedAt) {
        String heroUrl = article.heroImage() == null ? null : article.heroImage().url();
        String heroAlt = article.heroImage() == null ? null : article.heroImage().alt();
        String byline = article.byline() != null ? article.byline() : article.author() != null ? "By " + article.author() : null;
        return new ArticleView(article.slug(), article.title(), article.summary(), article.author(), byline,
                article.isPressRelease(), article.kind().label(), article.date().toString(),
                dateFormat.format(article.date()), embargoLine(article, now), article.bodyHtml(), heroUrl, heroAlt,
                article.notesToEditorsHtml(), article.mediaContact(), office.articleUrl(article.slug()),
                Timestamps.iso(updatedAt),
                updatedAt == null ? null : dateFormat.format(updatedAt.atZone(office.zone())), ImageView.hero(article.heroImage()),
                ImageView.card(article.socialCard(), article.heroImage(), office));
    }

    OfficeView office() {
        return OfficeView.of(office);
    }

    EmailView email(Article article, String preheader) {
        String notesText = article.notesToEditorsHtml() == null ? null : PlainTextFormatter.format(article.notesToEditorsHtml());
        String notesHtml = article.notesToEditorsHtml() == null ? null : EmailBodyStyler.style(article.notesToEditorsHtml());
        return new EmailView(preheader, EmailBodyStyler.style(article.bodyHtml()), PlainTextFormatter.format(article.bodyHtml()),
                notesHtml, notesText, office.articleUrl(article.slug()), Personalisation.UNSUBSCRIBE_URL);
    }

    PageView page(Article article, Instant updatedAt) {
        return new PageView(JsonLd.newsArticle(article, office, office.articleUrl(article.slug()), updatedAt), article.summary());
    }

    /**
     * The page's line: nobody sees an embargoed article's page before its embargo ends (the email,
     * sent at that moment, keeps "Embargoed until …" as press releases do), so the page says when it
     * was released.
     */
    String pageEmbargoLine(Article article, Instant now) {
        return embargoLine(article, now, "Released at ");
    }

    /** Press releases say whether they are embargoed; an embargo already past reads as immediate. */
    private String embargoLine(Article article, Instant now) {
        return embargoLine(article, now, "Embargoed until ");
    }

    /** {@code before} the embargo's time while it is ahead; "For immediate release" once past; none for a newsletter. */
    private String embargoLine(Article article, Instant now, String before) {
        if (!article.isPressRelease()) {
            return null;
        }
        return article.embargoTime()
                .filter(embargo -> embargo.toInstant().isAfter(now))
                .map(embargo -> before + embargoFormat.format(embargo))
                .orElse("For immediate release");
    }
}
