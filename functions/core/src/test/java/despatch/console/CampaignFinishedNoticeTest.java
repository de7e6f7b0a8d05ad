package despatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleKind;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.ArticleStore;
import despatch.publish.Uploader;
import despatch.render.SubscriptionRenderer;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.FanOutCursor;
import despatch.subscription.OutgoingEmail;
import despatch.testing.TestOffice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The publisher hears that their campaign has gone out, with its counts; an article from outside the console tells nobody. */
class CampaignFinishedNoticeTest {
    private final List<OutgoingEmail> sent = new ArrayList<>();
    private final InMemoryDrafts uploads = new InMemoryDrafts();

    private static ArticleRecord record(String slug, String uploadKey) {
        return new ArticleRecord(slug, "Bus route", "", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 20), List.of("newsletter"),
                ArticleState.PUBLISHED, null, TestOffice.NOW, TestOffice.NOW, uploadKey, "articles/" + slug + "/", "rendered/" + slug, List.of(),
                "hash");
    }

    /** Just the one record each test needs. */
    private static ArticleStore articles(ArticleRecord record) {
        return new ArticleStore() {
            @Override
            public void save(ArticleRecord saved, ArticleRecord replacing) {
                throw new AssertionError("a notice writes nothing");
            }

            @Override
            public Optional<ArticleRecord> find(String slug) {
                return Optional.of(record).filter(r -> r.slug().equals(slug));
            }

            @Override
            public Optional<String> slugPublishedFrom(String uploadKey) {
                return Optional.empty();
            }

            @Override
            public Set<String> publishedSlugs() {
                return Set.of(record.slug());
            }

            @Override
            public List<ArticleRecord> findAll(Collection<String> slugs) {
                return List.of(record);
            }

            @Override
            public boolean release(ArticleRecord released, java.time.Instant at) {
                throw new AssertionError("a notice writes nothing");
            }
        };
    }

    private static Campaign sentCampaign() {
        return new Campaign("c-bus-route", "bus-route", "Bus route saved", List.of("newsletter"), CampaignStatus.SENT, null, FanOutCursor.START,
                true, new CampaignCounts(1204, 1180, 12, 2, 10), TestOffice.NOW, TestOffice.NOW, 5);
    }

    @Test
    void thePublisherIsToldTheFinalCountsWithALinkToTheCampaign() {
        uploads.save("drafts/x/bus-route.md", new byte[] {'a'}, new Uploader("sub-pat", "Pat", "press.officer@example.org.uk"));
        uploads.submit("drafts/x/bus-route.md", "articles/bus-route.md", new Uploader("sub-pat", "Pat", "press.officer@example.org.uk"));
        new CampaignFinishedNotice(articles(record("bus-route", "articles/bus-route.md")), uploads, sent::add,
                new SubscriptionRenderer(TestOffice.office()), TestOffice.office(), "https://api.example.org.uk/console").finished(sentCampaign());

        assertEquals(1, sent.size());
        assertEquals("press.officer@example.org.uk", sent.getFirst().to().forDelivery());
        assertTrue(sent.getFirst().subject().contains("Bus route saved"), sent.getFirst().subject());
        assertTrue(sent.getFirst().text().contains("1,180 sent") && sent.getFirst().text().contains("10 whose outcome is unknown")
                && sent.getFirst().text().contains("https://api.example.org.uk/console/campaigns/c-bus-route"), sent.getFirst().text());
    }

    @Test
    void anArticleFromOutsideTheConsoleTellsNobody() {
        new CampaignFinishedNotice(articles(record("bus-route", "articles/bus-route.md")), uploads, sent::add,
                new SubscriptionRenderer(TestOffice.office()), TestOffice.office(), "https://api.example.org.uk/console").finished(sentCampaign());
        assertTrue(sent.isEmpty());
    }
}
