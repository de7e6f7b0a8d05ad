package despatch.site;

import despatch.office.Office;
import despatch.publish.ArticleRecord;
import despatch.render.ArticleLink;
import despatch.render.FeedView;
import despatch.render.SitemapEntry;
import despatch.render.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/** Article records as listings, feeds and the sitemap show them: the formatting lives here, not in templates. */
final class SiteArticles {
    /** Oldest first: by the article's date, then the moment it went on the site, then its slug (never a tie). */
    static final Comparator<ArticleRecord> OLDEST_FIRST = Comparator.comparing(ArticleRecord::date)
            .thenComparing(SiteArticles::publishedAt)
            .thenComparing(ArticleRecord::slug);

    private final Office office;
    private final DateTimeFormatter dateFormat;

    SiteArticles(Office office) {
        this.office = office;
        this.dateFormat = DateTimeFormatter.ofPattern("d MMMM yyyy", office.language());
    }

    ArticleLink link(ArticleRecord record) {
        Instant corrected = record.correctedAt();
        return new ArticleLink(record.title(), office.articleUrl(record.slug()), record.summary(), record.kind().label(),
                record.date().toString(), dateFormat.format(record.date()),
                Timestamps.iso(corrected),
                corrected == null ? null : dateFormat.format(corrected.atZone(office.zone())));
    }

    /** "3 January 2025 to 22 January 2025": the dates a page of a listing covers, oldest first. */
    String span(java.util.List<ArticleRecord> oldestFirst) {
        return dateFormat.format(oldestFirst.getFirst().date()) + " to " + dateFormat.format(oldestFirst.getLast().date());
    }

    FeedView.FeedItem feedItem(ArticleRecord record) {
        Instant published = publishedAt(record);
        return new FeedView.FeedItem(record.title(), office.articleUrl(record.slug()), record.summary(), record.kind().label(),
                null, Timestamps.iso(published), rfc1123(published), Timestamps.iso(lastChange(record)));
    }

    SitemapEntry sitemapEntry(ArticleRecord record) {
        return new SitemapEntry(office.articleUrl(record.slug()), Timestamps.iso(lastChange(record)));
    }

    static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** When the article last changed on the site: its correction, or its publication. */
    static Instant lastChange(ArticleRecord record) {
        Instant corrected = record.correctedAt();
        return corrected != null ? corrected : publishedAt(record);
    }

    /** Records of published articles always say when; the date's midnight stands in for any that predate the field. */
    static Instant publishedAt(ArticleRecord record) {
        return record.publishedAt() != null ? record.publishedAt() : record.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
