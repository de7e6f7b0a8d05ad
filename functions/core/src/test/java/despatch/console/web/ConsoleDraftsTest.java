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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upload, preview and publish in the console: the file becomes a draft that publishes nothing,
 * its preview is what publishing would make (or every reason it would be refused), and publishing
 * puts it under articles/ for the same path as any upload.
 */
class ConsoleDraftsTest {
    private static final String BOUNDARY = "----despatchTestBoundary";
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


    private ConsoleResponse upload(String cookie, String csrf, String fileName, byte[] content) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"article\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + new String(content, StandardCharsets.ISO_8859_1) + "\r\n--" + BOUNDARY + "--\r\n";
        return console.handle(new WebRequest("POST", "/console/upload", Map.of(), Map.of("cookie", cookie, "content-type",
                "multipart/form-data; boundary=" + BOUNDARY), body, "http://127.0.0.1:8787", "127.0.0.1"));
    }

    private String csrf() {
        return csrfOn(console.handle(get("/console/upload", editor)));
    }

    @Test
    void anUploadBecomesADraftWhosePreviewIsWhatPublishingWouldMake() {
        ConsoleResponse uploaded = upload(editor, csrf(), "Bus route.md", ARTICLE.getBytes(StandardCharsets.UTF_8));
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
    }

    @Test
    void aDraftThatWouldBeRefusedSaysEveryReasonAndCannotBePublished() {
        String bad = ARTICLE.replace("lists: [newsletter]", "lists: [newsletters]").replace("date: 2026-12-07", "date: the seventh");
        String page = upload(editor, csrf(), "bad.md", bad.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        ConsoleResponse preview = console.handle(get(page, editor));
        assertTrue(preview.body().contains("This would be refused"), preview.body());
        assertTrue(preview.body().contains("newsletters") && preview.body().contains("the seventh"), "both reasons: " + preview.body());
        ConsoleResponse publish = console.handle(ConsoleFixture.post(page + "/publish", editor, "csrf=" + csrf()));
        assertEquals(409, publish.status());
        assertEquals(List.of(), drafts.submitted);
    }

    @Test
    void publishingAsksOnceThenPutsTheDraftWhereUploadsPublishFrom() {
        String page = upload(editor, csrf(), "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
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
        String page = upload(editor, csrf(), "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        String approver = sessionCookie(ConsoleFixture.APPROVER, clock);
        String token = csrfOn(console.handle(get(page + "/publish", approver)));
        assertEquals(303, console.handle(ConsoleFixture.post(page + "/publish", approver, "csrf=" + token)).status());
        despatch.publish.Uploader uploader = drafts.uploader("articles/bus-route.md");
        assertEquals("sub-approver", uploader.subject(), "who published it");
        assertEquals("sub-editor", uploader.draftedBy(), "who wrote it: neither may approve it under two-person approval");
    }

    @Test
    void whatIsNotAnArticleOrComesWithoutTheTokenIsRefusedAndNothingIsKept() {
        ConsoleResponse noToken = upload(editor, "guess", "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(403, noToken.status());
        ConsoleResponse picture = upload(editor, csrf(), "photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        assertEquals(400, picture.status());
        assertTrue(picture.body().contains("“photo.jpg” is not an article file"), picture.body());
        ConsoleResponse huge = upload(editor, csrf(), "long.md", new byte[1024 * 1024 + 1]);
        assertEquals(400, huge.status());
        assertTrue(huge.body().contains("at most 1024 KiB"), huge.body());
        assertTrue(drafts.objects.isEmpty(), "nothing kept");
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void anEmbargoIsShownInTheOfficesTimeZoneAndSeveralListsAsTheMostItCouldReach() {
        String embargoed = ARTICLE.replace("lists: [newsletter]", "lists: [newsletter, press]\nembargo: 2030-01-15T00:01[Europe/London]");
        String page = upload(editor, csrf(), "school.md", embargoed.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        String preview = console.handle(get(page, editor)).body();
        assertTrue(preview.contains("Embargoed until 15 Jan 2030, 00:01 (Europe/London)"), preview);
        assertTrue(preview.contains("Newsletter (1,204 people) and Press releases (310 people): at most 1,514 people"), preview);
    }

    @Test
    void aTestGoesToTheSignedInPersonOnlyMarkedAsATest() {
        String page = upload(editor, csrf(), "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
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
        assertEquals("bus-route.md", DraftRoutes.fileName("C:\\Users\\pat\\bus-route.md"));
        assertEquals("Ysgol-newydd.md", DraftRoutes.fileName("Ysgol newydd.md"));
        assertEquals("etc-passwd.md", DraftRoutes.fileName("../../etc-passwd.md"));
        assertFalse(DraftRoutes.fileName("<script>.md").contains("<"));
    }

    @Test
    void anotherEditorsDraftIsNoSecretButAnUnknownOneIsNotFound() {
        String page = upload(editor, csrf(), "bus-route.md", ARTICLE.getBytes(StandardCharsets.UTF_8)).headers().get("Location");
        assertEquals(200, console.handle(get(page, sessionCookie(APPROVER, clock))).status(), "staff review each other's drafts");
        assertEquals(404, console.handle(get("/console/drafts/00000000-0000-0000-0000-000000000000/bus-route.md", editor)).status());
    }
}
