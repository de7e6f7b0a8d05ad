package despatch.console.web;

import static despatch.console.web.ConsoleFixture.ADMIN;
import static despatch.console.web.ConsoleFixture.APPROVER;
import static despatch.console.web.ConsoleFixture.csrfOn;
import static despatch.console.web.ConsoleFixture.get;
import static despatch.console.web.ConsoleFixture.post;
import static despatch.console.web.ConsoleFixture.sessionCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.common.EmailAddress;
import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.InMemoryAuditTrail;
import despatch.console.InMemoryDrafts;
import despatch.console.InMemoryImportUploads;
import despatch.console.InMemoryListCensus;
import despatch.console.ListCensus;
import despatch.sending.InMemoryCampaignStore;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.subscription.InMemorySubscriberStore;
import despatch.subscription.MutableClock;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.Suppressions;
import despatch.testing.TestOffice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Subscribers in the console, for admins only: one exact address looked up, a list exported, each
 * in the audit trail by subscriber id or list and never by address.
 */
class ConsoleSubscribersTest {
    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemorySubscriberStore store = new InMemorySubscriberStore();
    private final InMemoryImportUploads imports = new InMemoryImportUploads();
    private final InMemoryListCensus census = new InMemoryListCensus();
    private final Console console;
    private final String admin = sessionCookie(ADMIN, clock);

    ConsoleSubscribersTest() throws Exception {
        Console.Services base = ConsoleFixture.services(audit, new InMemoryCampaignStore(), new InMemoryDrafts(), clock, new ArrayList<>());
        console = new Console(ConsoleFixture.NO_SIGN_IN, ConsoleFixture.SECRET, clock, TestOffice.office(), new Console.Services(base.audit(),
                base.campaigns(), base.ledger(), base.drafts(), base.previews(), base.approvals(), base.testSend(), base.listSizes(), store,
                base.approvers(), imports, base.uploads(), base.feedback(), base.endedSessions(), base.uploadForms(), census, store, base.siteRebuild()));
        store.createAll(List.of(new Subscriber("sub-sam", EmailAddress.parse("sam@example.org.uk"), "Sam Example", "SW1A 0AA",
                SubscriberStatus.ACTIVE, Set.of("newsletter"), Set.of(), null, List.of(new ConsentRecord(TestOffice.NOW, ConsentAction.CONFIRMED,
                Set.of("newsletter"), "2026-11", ConsentSource.FORM, "203.0.113.7", "Firefox", "")), TestOffice.NOW, TestOffice.NOW, 1)));
        // As an import or a sign-up leaves it: the address claimed for the subscriber first.
        store.claimAddress(despatch.subscription.AddressKey.of(EmailAddress.parse("sam@example.org.uk")), "sub-sam");
    }

    private String csrf() {
        return csrfOn(console.handle(get("/console/subscribers", admin)));
    }

    @Test
    void theListsShowTheirMembersAndTheChangeSinceTheEarliestCountOfTheLast30Days() {
        // The members the fixture's lists have now (1,204 and 310), and a count from 20 days ago.
        census.record(new ListCensus.Count(LocalDate.now(clock.withZone(TestOffice.office().zone())).minusDays(20), TestOffice.NOW.minus(
                java.time.Duration.ofDays(20)), Map.of("newsletter", 1190L, "press", 310L)));
        ConsoleResponse page = console.handle(get("/console/subscribers", admin));
        assertEquals(200, page.status());
        List<String> rows = org.jsoup.Jsoup.parse(page.body()).select("main table tbody tr").eachText();
        assertTrue(rows.get(0).startsWith("Newsletter 1,204 +14 since "), rows.toString());
        assertTrue(rows.get(1).startsWith("Press releases 310 no change since "), rows.toString());
    }

    @Test
    void theSuppressionListShowsWhoAndWhyNewestFirstAPageAtATimeAndReadingItIsAudited() throws Exception {
        Suppressions suppressions = new Suppressions(TestOffice.office(), store, clock);
        suppressions.suppress(EmailAddress.parse("sam@example.org.uk"), SubscriberStatus.BOUNCED);
        for (int i = 0; i < SuppressionRoutes.PAGE; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            store.suppressAddress(despatch.subscription.AddressKey.of(EmailAddress.parse("gone" + i + "@example.org")),
                    SubscriberStatus.ERASED, clock.instant());
        }
        ConsoleResponse first = console.handle(get("/console/subscribers/suppressed", admin));
        assertEquals(200, first.status(), first.body());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(first.body());
        assertEquals(SuppressionRoutes.PAGE, page.select("main tbody tr").size());
        assertTrue(page.select("main tbody tr").getFirst().text().contains("not kept (erased at their request)"), "newest first");
        assertEquals(AuditAction.READ_SUPPRESSIONS, audit.entries().getLast().action());

        ConsoleResponse older = console.handle(get(page.selectFirst("a:contains(Older suppressions)").attr("href").replaceFirst("\\?.*", ""),
                java.util.Map.of("after", List.of(java.net.URLDecoder.decode(page.selectFirst("a:contains(Older suppressions)").attr("href")
                        .replaceFirst(".*after=", ""), StandardCharsets.UTF_8))), admin));
        List<String> rows = org.jsoup.Jsoup.parse(older.body()).select("main tbody tr").eachText();
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.getFirst().contains("sam@example.org.uk") && rows.getFirst().contains("bounced for good"), rows.toString());
        assertEquals(2, audit.entries().stream().filter(entry -> entry.action() == AuditAction.READ_SUPPRESSIONS).count());
        assertTrue(audit.entries().stream().noneMatch(entry -> entry.target().contains("@")), "no address in the audit trail");

        String editor = sessionCookie(ConsoleFixture.EDITOR, clock);
        assertEquals(403, console.handle(get("/console/subscribers/suppressed", editor)).status());
    }

    @Test
    void anAdminLooksUpOneExactAddressAndTheAuditTrailNamesTheSubscriberNotTheAddress() {
        ConsoleResponse found = console.handle(post("/console/subscribers/look-up", admin, "csrf=" + csrf() + "&email="
                + URLEncoder.encode("Sam@Example.org.uk", StandardCharsets.UTF_8)));
        assertEquals(200, found.status());
        assertTrue(found.body().contains("sam@example.org.uk") && found.body().contains("Sam Example") && found.body().contains("confirmed"),
                found.body());
        AuditEntry entry = audit.entries().getLast();
        assertEquals(AuditAction.LOOK_UP, entry.action());
        assertEquals("sub-sam", entry.target());

        ConsoleResponse none = console.handle(post("/console/subscribers/look-up", admin, "csrf=" + csrf() + "&email=nobody%40example.org.uk"));
        assertTrue(none.body().contains("Nobody with that address is subscribed"), none.body());
        assertEquals("no match", audit.entries().getLast().target());
        assertTrue(audit.entries().stream().noneMatch(e -> e.target().contains("@")), "no address in the audit trail");
    }

    @Test
    void aLookUpIsOfOneWholeAddressNeverAPattern() {
        ConsoleResponse refused = console.handle(post("/console/subscribers/look-up", admin, "csrf=" + csrf() + "&email=sam"));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("one exact address"), refused.body());
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void anAdminExportsAListAsCsvAndItIsAudited() {
        ConsoleResponse csv = console.handle(post("/console/subscribers/export", admin, "csrf=" + csrf() + "&list=newsletter"));
        assertEquals(200, csv.status());
        assertTrue(csv.headers().get("Content-Type").startsWith("text/csv"));
        assertEquals("attachment; filename=\"newsletter-2026-11-20.csv\"", csv.headers().get("Content-Disposition"));
        assertTrue(csv.body().startsWith("email,name,subscribed_since\r\nsam@example.org.uk,Sam Example,"), csv.body());
        assertEquals(new AuditEntry(TestOffice.NOW, "sub-admin", "Sam Administrator", AuditAction.EXPORT, "newsletter"), audit.entries().getLast());
    }

    private ConsoleResponse importing(String csrf, String fileName, String csv) {
        String boundary = "----despatchImport";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        return console.handle(new despatch.subscription.web.WebRequest("POST", "/console/subscribers/import", java.util.Map.of(),
                java.util.Map.of("cookie", admin, "content-type", "multipart/form-data; boundary=" + boundary), body, "http://127.0.0.1:8787",
                "127.0.0.1"));
    }

    @Test
    void anAdminImportsACsvAndReadsItsReportOnceTheImportHasWrittenIt() {
        ConsoleResponse started = importing(csrf(), "Members Dec.csv", "email,name\r\njo@example.org.uk,Jo\r\n");
        assertEquals(303, started.status(), started.body());
        String key = imports.files.keySet().iterator().next();
        assertTrue(key.matches("imports/console/2026-11-20-[0-9a-f]{8}-Members-Dec\\.csv"), key);
        assertEquals(new AuditEntry(TestOffice.NOW, "sub-admin", "Sam Administrator", AuditAction.IMPORT, key), audit.entries().getLast());

        String page = started.headers().get("Location");
        assertTrue(console.handle(get(page, admin)).body().contains("Being imported"));
        imports.reports.put(key, "Import report for " + key + "\nImported 1 row.");
        assertTrue(console.handle(get(page, admin)).body().contains("Imported 1 row."));
    }

    @Test
    void whatIsNotACsvOrComesWithoutTheTokenIsNotImported() {
        assertEquals(400, importing(csrf(), "members.xlsx", "PK").status());
        assertEquals(403, importing("guess", "members.csv", "email\r\n").status());
        assertTrue(imports.files.isEmpty());
        assertEquals(List.of(), audit.entries());
        assertEquals(404, console.handle(get("/console/subscribers/imports/" + despatch.console.LinkIds.of("articles/x.md"), admin))
                .status(), "a report page only for imports");
    }

    @Test
    void onlyAnAdminSeesSubscribersAndNothingHappensWithoutTheToken() {
        String approver = sessionCookie(APPROVER, clock);
        assertEquals(403, console.handle(get("/console/subscribers", approver)).status());
        ConsoleResponse refused = console.handle(post("/console/subscribers/export", approver,
                "csrf=" + csrfOn(console.handle(get("/console", approver))) + "&list=newsletter"));
        assertEquals(403, refused.status());
        assertFalse(refused.body().contains("sam@example.org.uk"));
        assertEquals(403, console.handle(post("/console/subscribers/look-up", admin, "csrf=guess&email=sam%40example.org.uk")).status());
        assertEquals(List.of(), audit.entries());
    }
}
