package despatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.render.ArticleRenderer;
import despatch.testing.TestOffice;
import despatch.testing.TestPhotos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Photographs published with their article: checked by content, stripped of what a phone writes
 * into them, made in the widths the page and the email need, written under the article's address
 * before the page that shows them; and a bad one rejects the upload with nothing written.
 */
class PublishWithImagesTest {
    private static final String SITE = TestOffice.office().siteBaseUrl() + "/";
    private final InMemoryUploadStore uploads = new InMemoryUploadStore();
    private final InMemoryPublishTargets targets = new InMemoryPublishTargets();
    private final PublishService service = new PublishService(new ArticleParser(TestOffice.office(), TestOffice.clock()),
            new ArticleRenderer(TestOffice.office(), TestOffice.clock()), uploads, targets.targets(), TestOffice.clock());

    private static final String ARTICLE = """
            ---
            hero_image: bus.jpg
            hero_image_alt: A number 42 bus at Market Square
            lists: [newsletter]
            ---
            # Bus route 42 saved

            The council kept the 42 running.

            ![The new timetable board at the stop](timetable.png)
            """;

    private void upload(String key, String text) {
        uploads.objects.put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void photographsAreWrittenUnderTheArticleInTheWidthsThePageAndEmailNeedWithoutTheirMetadata() {
        upload("articles/bus.md", ARTICLE);
        uploads.objects.put("articles/bus.images/bus.jpg", TestPhotos.phoneJpeg(4032, 3024));
        uploads.objects.put("articles/bus.images/timetable.png", TestPhotos.png(900, 600));

        assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/bus.md"));

        Set<String> keys = targets.images.keySet();
        assertEquals(5, keys.size(), "hero at 640 and 1280, its card, the timetable at 640 and its own 900: " + keys);
        assertTrue(keys.stream().allMatch(key -> key.startsWith("articles/bus-route-42-saved/images/")), keys.toString());
        for (ImageFile image : targets.images.values()) {
            assertFalse(TestPhotos.hasMetadata(image.bytes()), image.key() + " carries no EXIF, GPS or XMP");
        }
        Document page = Jsoup.parse(targets.pages.get("articles/bus-route-42-saved/index.html"));
        Element hero = page.selectFirst("figure.hero img");
        assertEquals("640", hero.attr("width"));
        assertEquals("480", hero.attr("height"), "its size, so the page does not jump as it loads");
        assertTrue(hero.attr("src").startsWith(SITE + "articles/bus-route-42-saved/images/") && hero.attr("src").endsWith("-640.jpg"),
                hero.attr("src"));
        assertTrue(hero.attr("srcset").endsWith("-1280.jpg 1280w"), hero.attr("srcset"));
        Element timetable = page.selectFirst(".body img");
        assertEquals("The new timetable board at the stop", timetable.attr("alt"));
        assertEquals(List.of("640", "427"), List.of(timetable.attr("width"), timetable.attr("height")));
        assertTrue(timetable.attr("srcset").endsWith("-900.png 900w"), "never made wider than it is: " + timetable.attr("srcset"));
        Element card = page.selectFirst("meta[property=og:image]");
        assertTrue(card.attr("content").endsWith("-card.jpg"), card.toString());
        assertEquals("1200", page.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals("630", page.selectFirst("meta[property=og:image:height]").attr("content"));
        assertTrue(keys.contains(card.attr("content").substring(SITE.length())), "the card is on the site");

        Document email = Jsoup.parse(targets.emails.get("bus-route-42-saved").emailHtml());
        List<String> emailImages = email.select("img").stream().map(image -> image.attr("src")).toList();
        assertTrue(emailImages.stream().anyMatch(src -> src.endsWith("-1280.jpg")), "the email shows the sharp one: " + emailImages);
        assertTrue(emailImages.stream().allMatch(src -> src.startsWith(SITE)), "absolute addresses: " + emailImages);
        assertFalse(email.select("img[srcset]").size() > 0, "no srcset in the email");
    }

    @Test
    void aMissingOrFakeImageRejectsTheUploadAndNothingIsWritten() {
        upload("articles/bus.md", ARTICLE);
        uploads.objects.put("articles/bus.images/timetable.png", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8));

        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class, service.publish("articles/bus.md"));

        String problems = rejected.problems().toString();
        assertTrue(problems.contains("There is no articles/bus.images/bus.jpg"), problems);
        assertTrue(problems.contains("The image timetable.png") && problems.contains("not a JPEG, PNG, WebP or GIF"), problems);
        assertEquals(Set.of(), targets.images.keySet(), "no image written");
        assertTrue(targets.pages.isEmpty() && targets.records.isEmpty(), "nothing published");
        assertTrue(uploads.objects.containsKey(RejectionReport.keyFor("articles/bus.md")), "the reason beside the upload");
    }

    @Test
    void theSameUploadAgainProcessesNothingAndUnpublishingTakesThePicturesDown() {
        upload("articles/bus.md", ARTICLE);
        uploads.objects.put("articles/bus.images/bus.jpg", TestPhotos.phoneJpeg(1600, 1200));
        uploads.objects.put("articles/bus.images/timetable.png", TestPhotos.png(300, 200));
        service.publish("articles/bus.md");
        Set<String> first = Set.copyOf(targets.images.keySet());
        targets.images.replaceAll((key, image) -> new ImageFile(key, new byte[0], image.contentType()));

        service.publish("articles/bus.md");
        assertEquals(first, targets.images.keySet());
        assertTrue(targets.images.values().stream().allMatch(image -> image.bytes().length == 0), "already there: not made again");

        uploads.objects.put("articles/bus.images/bus.jpg", TestPhotos.phoneJpeg(1601, 1200));
        service.publish("articles/bus.md");
        Set<String> replaced = targets.images.keySet().stream().filter(key -> !first.contains(key)).collect(Collectors.toSet());
        assertEquals(3, replaced.size(), "a new photograph gets new addresses, so no cache shows the old one: " + replaced);

        upload("articles/bus.md", "---\nunpublish: yes\n---\n# Bus route 42 saved\n\nGone.\n");
        service.publish("articles/bus.md");
        assertEquals(Set.of(), targets.images.keySet(), "off the site with the article");
    }

    @Test
    void aPictureInAWordDocumentThatIsNotAPhotographSaysWhereToFixIt() {
        // A chart pasted into Word is kept as an EMF metafile, which no browser or email shows.
        byte[] emf = new byte[200];
        emf[0] = 1;
        System.arraycopy(" EMF".getBytes(StandardCharsets.US_ASCII), 0, emf, 40, 4);
        byte[] docx = despatch.article.DocxForTests.withOnePicture("A chart of the bus's passengers by month", "image1.emf", emf);
        uploads.objects.put("articles/chart.docx", docx);

        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class, service.publish("articles/chart.docx"));

        String problems = rejected.problems().toString();
        assertTrue(problems.contains("The document's picture image1.emf") && problems.contains("Windows metafile")
                && problems.contains("in the document, delete the picture, insert the saved file"), problems);
        assertTrue(targets.pages.isEmpty() && targets.images.isEmpty(), "nothing written");
    }
}
