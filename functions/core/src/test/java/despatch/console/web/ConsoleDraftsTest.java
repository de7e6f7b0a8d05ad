package despatch.console.web;

import static despatch.console.web.ConsoleFixture.APPROVER;
import static despatch.console.web.ConsoleFixture.EDITOR;
import static despatch.console.web.ConsoleFixture.csrfOn;
import static despatch.console.web.ConsoleFixture.get;
import static despatch.console.web.ConsoleFixture.sessionCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.InMemoryAuditTrail;
import despatch.console.InMemoryDrafts;
import despatch.publish.InMemoryApprovals;
import despatch.publish.SendApproval;
import despatch.sending.CampaignMessage;
import despatch.sending.InMemoryCampaignStore;
import despatch.subscription.MutableClock;
import despatch.subscription.web.WebRequest;
import despatch.testing.TestOffice;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Upload, preview and publish in the console: the file becomes a draft that publishes nothing,
 * its preview is what publishing would make (or every reason it would be refused), and publishing
 * puts it under articles/ for the same path as any upload.
 */
class ConsoleDraftsTest {
    private static final String ARTICLE = """
            ---
            title: New bus route for the valley
            date: 2026-12-07
            lists: [newsletter]
            ---
            From March the 42 runs every half hour, from Pen-y-bryn to the station.
            """;

    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final List<CampaignMessage> testsSent = new ArrayList<>();
    private final Console console = new Console(ConsoleFixture.NO_SIGN_IN, ConsoleFixture.SECRET, clock, TestOffice.office(),
            ConsoleFixture.services(audit, new InMemoryCampaignStore(), drafts, new InMemoryApprovals(), SendApproval.NONE, clock,
                    new ArrayList<>(), testsSent));
    private final String editor = sessionCookie(EDITOR, clock);


    /**
     * As a browser does it: the upload page's form (its action and hidden fields, as the page has
     * them) posts the file to the bucket, and the bucket's redirect brings the browser back.
     */
    private ConsoleResponse upload(String cookie, String fileName, byte[] content) {
        ConsoleResponse page = console.handle(get("/console/upload", cookie));
        assertEquals(200, page.status(), page.body());
        Element form = Jsoup.parse(page.body()).selectFirst("main form");
        assertTrue(page.headers().get("Content-Security-Policy").contains("form-action 'self' https://uploads.example"),
                "the page may post to the bucket");
        assertEquals("https://uploads.example/", form.attr("action"));
        assertEquals("file", form.selectFirst("input[type=file]").attr("name"), "the bucket reads the file from the field named file");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(field -> fields.put(field.attr("name"), field.attr("value")));
        String back = drafts.post(fields, fileName, content).orElseThrow(() -> new AssertionError("the bucket refused the form"));
        return received(cookie, back);
    }

    /** The session's CSRF token, from a page's sign-out form. */
    private String csrf() {
        return csrfOn(console.handle(get("/console", editor)));
    }

    private ConsoleResponse received(String cookie, String redirect) {
        URI back = URI.create(redirect);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.computeIfAbsent(nameValue[0], name -> new ArrayList<>()).add(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return console.handle(new WebRequest("GET", back.getPath(), query, Map.of("cookie", cookie), "", "http://127.0.0.1:8787",
                "127.0.0.1"));
    }

    @Test
    void anUploadBecomesADraftWhosePreviewIsWhatPublishingWouldMake() {
        ConsoleResponse uploaded = upload(editor, "Bus route.md", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(303, uploaded.status(), uploaded.body());
        String page = uploaded.headers().get("Location");
        assertTrue(page.matches("/console/drafts/[0-9a-f-]{36}/Bus-route\\.md"), page);
        String key = page.substring("/console/".length());
        assertTrue(drafts.objects.containsKey(key), "kept as a draft");
        assertTrue(drafts.objects.keySet().stream().noneMatch(k -> k.startsWith("articles/")), "nothing where uploads publish from");
        assertEquals(List.of(new AuditEntry(TestOffice.NOW, "sub-editor", "Pat Press Officer", AuditAction.UPLOAD, key)), audit.entries());

        ConsoleResponse preview = console.handle(get(page, editor));
        assertEquals(200, preview.status());
        assertTrue(preview.body().contains("New bus route for the valley") && preview.body().contains("articles/Bus-route.md"),
                preview.body());
        assertTrue(preview.body().contains("Newsletter (1,204 people)"), "who it would go to, now: " + preview.body());
        assertTrue(preview.body().contains("As soon as it is published"), preview.body());
        assertTrue(preview.headers().get("Content-Security-Policy").contains("frame-src 'self'"));
        ConsoleResponse email = console.handle(get(page + "/email", editor));
        assertTrue(email.body().contains("every half hour"), email.body());
        assertTrue(email.headers().get("Content-Security-Policy").contains("sandbox"), "framed, and sandboxed");
        ConsoleResponse web = console.handle(get(page + "/web", editor));
        assertEquals(200, web.status());
        assertTrue(web.body().contains("<h1>New bus route for the valley</h1>") && web.body().contains("every half hour"), web.body());
    }

    @Test
    void aDraftThatWouldBeRefusedSaysEveryReasonAndCannotBePublished() {
        String bad = ARTICLE.replace("lists: [newsletter]", "lists: [newsletters]").replace("date: 2026-12-07", "date: the seventh");
        String page = upload(editor, "bad.md", bad.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        ConsoleResponse preview = console.handle(get(page, editor));
        assertTrue(preview.body().contains("This would be refused"), preview.body());
        assertTrue(preview.body().contains("newsletters") && preview.body().contains("the seventh"), "both reasons: " + preview.body());
        ConsoleResponse publish = console.handle(ConsoleFixture.post(page + "/publish", editor, "csrf=" + csrf()));
        assertEquals(409, publish.status());
        assertEquals(List.of(), drafts.submitted);
    }

    @Test
    void publishingAsksOnceThenPutsTheDraftWhereUploadsPublishFrom() {
        String page = upload(editor, "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        ConsoleResponse confirm = console.handle(get(page + "/publish", editor));
        assertTrue(confirm.body().contains("Publish “New bus route for the valley”?"), confirm.body());
        assertEquals(List.of(), drafts.submitted, "asking publishes nothing");

        ConsoleResponse done = console.handle(ConsoleFixture.post(page + "/publish", editor, "csrf=" + csrfOn(confirm)));
        assertEquals(303, done.status());
        assertEquals(List.of("articles/bus-route.md by sub-editor"), drafts.submitted);
        assertEquals(AuditAction.SUBMIT, audit.entries().getLast().action());
    }

    @Test
    void aDraftPublishedByAColleagueStillNamesWhoWroteIt() {
        String page = upload(editor, "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        String approver = sessionCookie(ConsoleFixture.APPROVER, clock);
        String token = csrfOn(console.handle(get(page + "/publish", approver)));
        assertEquals(303, console.handle(ConsoleFixture.post(page + "/publish", approver, "csrf=" + token)).status());
        despatch.publish.Uploader uploader = drafts.uploader("articles/bus-route.md");
        assertEquals("sub-approver", uploader.subject(), "who published it");
        assertEquals("sub-editor", uploader.draftedBy(), "who wrote it: neither may approve it under two-person approval");
    }

    @Test
    void whatIsNotAnArticleIsRefusedWithTheReasonAndNothingIsKept() {
        ConsoleResponse picture = upload(editor, "photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        assertEquals(400, picture.status());
        assertTrue(picture.body().contains("“photo.jpg” is not an article file"), picture.body());
        ConsoleResponse huge = upload(editor, "long.md", new byte[1024 * 1024 + 1]);
        assertEquals(400, huge.status());
        assertTrue(huge.body().contains("at most 1024 KiB"), huge.body());
        ConsoleResponse empty = upload(editor, "empty.md", new byte[0]);
        assertTrue(empty.body().contains("“empty.md” is empty"), empty.body());
        assertTrue(drafts.objects.isEmpty(), "nothing kept, not even what the forms sent");
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void aFormIsTakenOnceAndOnlyByWhomItWasIssuedTo() {
        ConsoleResponse page = console.handle(get("/console/upload", editor));
        Map<String, String> fields = new LinkedHashMap<>();
        Jsoup.parse(page.body()).select("main form input[type=hidden]").forEach(field -> fields.put(field.attr("name"), field.attr("value")));
        String back = drafts.post(fields, "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        String colleague = sessionCookie(ConsoleFixture.ADMIN, clock);
        ConsoleResponse notTheirs = received(colleague, back);
        assertEquals(404, notTheirs.status(), "someone else's upload is neither taken nor confirmed");
        assertEquals(1, drafts.objects.size(), "and left as it was");

        assertEquals(303, received(editor, back).status());
        int draftsAfterFirst = drafts.objects.size();
        String again = drafts.post(fields, "other.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        ConsoleResponse reused = received(editor, again);
        assertEquals(400, reused.status());
        assertTrue(reused.body().contains("That upload form had been used already"), reused.body());
        assertEquals(draftsAfterFirst, drafts.objects.size(), "what the reused form sent is removed");
        assertEquals(1, audit.entries().size(), "one upload");

        ConsoleResponse forged = received(editor, "http://127.0.0.1:8787/console/upload/received?key=articles%2Fbus-route.md");
        assertEquals(400, forged.status(), "only what an upload form sends is taken");
    }

    @Test
    void anEmbargoIsShownInTheOfficesTimeZoneAndSeveralListsAsTheMostItCouldReach() {
        String embargoed = ARTICLE.replace("lists: [newsletter]", "lists: [newsletter, press]\nembargo: 2030-01-15T00:01[Europe/London]");
        String page = upload(editor, "school.md", embargoed.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        String preview = console.handle(get(page, editor)).body();
        assertTrue(preview.contains("Embargoed until 15 Jan 2030, 00:01 (Europe/London)"), preview);
        assertTrue(preview.contains("Newsletter (1,204 people) and Press releases (310 people): at most 1,514 people"), preview);
    }

    @Test
    void aTestGoesToTheSignedInPersonOnlyMarkedAsATest() {
        String page = upload(editor, "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        ConsoleResponse sent = console.handle(ConsoleFixture.post(page + "/test-send", editor, "csrf=" + csrf()));
        assertEquals(303, sent.status(), sent.body());
        assertEquals(1, testsSent.size());
        assertEquals("press.officer@example.org.uk", testsSent.getFirst().to().forDelivery());
        assertEquals("[TEST] New bus route for the valley", testsSent.getFirst().subject());
        assertEquals(AuditAction.TEST_SEND, audit.entries().getLast().action());
        assertTrue(console.handle(get(page, java.util.Map.of("done", List.of("test-sent")), editor)).body()
                .contains("is on its way to press.officer@example.org.uk"));
        assertEquals(403, console.handle(ConsoleFixture.post(page + "/test-send", editor, "csrf=guess")).status());
        assertEquals(1, testsSent.size(), "no token, no test");
        assertTrue(drafts.submitted.isEmpty(), "a test publishes nothing");
    }

    @Test
    void aFileNameFromABrowserBecomesASafeKey() {
        assertEquals("bus-route.md", UploadRoutes.fileName("C:\\Users\\pat\\bus-route.md"));
        assertEquals("Ysgol-newydd.md", UploadRoutes.fileName("Ysgol newydd.md"));
        assertEquals("etc-passwd.md", UploadRoutes.fileName("../../etc-passwd.md"));
        assertFalse(UploadRoutes.fileName("<script>.md").contains("<"));
        assertEquals("article.md", UploadRoutes.fileName("日本語.md"), "a name with nothing safe left keeps its extension");
    }

    @Test
    void anotherEditorsDraftIsNoSecretButAnUnknownOneIsNotFound() {
        String page = upload(editor, "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        assertEquals(200, console.handle(get(page, sessionCookie(APPROVER, clock))).status(), "staff review each other's drafts");
        assertEquals(404, console.handle(get("/console/drafts/00000000-0000-0000-0000-000000000000/bus-route.md", editor)).status());
    }
}
