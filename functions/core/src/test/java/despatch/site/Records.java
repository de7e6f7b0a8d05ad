package despatch.site;

import despatch.article.ArticleKind;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Article records for the site's tests. */
final class Records {
    private Records() {
    }

    static ArticleRecord published(String slug, String title, ArticleKind kind, LocalDate date) {
        Instant at = date.atTime(9, 30).toInstant(ZoneOffset.UTC);
        return record(slug, title, kind, date, ArticleState.PUBLISHED, at, at);
    }

    static ArticleRecord record(String slug, String title, ArticleKind kind, LocalDate date, ArticleState state,
                                Instant publishedAt, Instant updatedAt) {
        return new ArticleRecord(slug, title, "Summary of " + title, kind, date, List.of("newsletter"), state, null,
                publishedAt, updatedAt, "articles/" + slug + ".md", "articles/" + slug + "/", "memory://" + slug, List.of(), null);
    }

    static ArticleRecord corrected(ArticleRecord record, Instant at) {
        return record.moved(record.state(), at, record.uploadKey(), record.warnings());
    }

    /** {@code count} press releases, one a day from 1 January 2025. */
    static List<ArticleRecord> pressReleases(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> published("release-" + i, "Release " + i, ArticleKind.PRESS_RELEASE, LocalDate.of(2025, 1, 1).plusDays(i)))
                .toList();
    }
}
