package despatch.console.web;

import static despatch.console.web.ConsoleFixture.ADMIN;
import static despatch.console.web.ConsoleFixture.APPROVER;
import static despatch.console.web.ConsoleFixture.EDITOR;
import static despatch.console.web.ConsoleFixture.campaign;
import static despatch.console.web.ConsoleFixture.csrfOn;
import static despatch.console.web.ConsoleFixture.get;
import static despatch.console.web.ConsoleFixture.post;
import static despatch.console.web.ConsoleFixture.sessionCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.InMemoryAuditTrail;
import despatch.console.InMemoryDrafts;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.InMemoryCampaignStore;
import despatch.sending.SendBatch;
import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's campaigns, dashboard and audit trail for signed-in staff: what each role sees
 * and may do, and that every refusal (the wrong role, no CSRF token, a campaign in no state for
 * it) changes nothing and leaves no audit entry.
 */
class ConsoleCampaignsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final List<SendBatch> queued = new ArrayList<>();
    private final Console console = new Console(ConsoleFixture.NO_SIGN_IN, ConsoleFixture.SECRET, clock, TestOffice.office(),
            ConsoleFixture.services(audit, campaigns, new InMemoryDrafts(), clock, queued));


    private Campaign sending(String slug) {
        Campaign campaign = campaign(slug, CampaignStatus.SENDING, new CampaignCounts(1204, 1180, 12, 2, 0), NOW.minusSeconds(600));
        campaigns.create(campaign);
        return campaign;
    }

    @Test
    void theDashboardShowsCampaignsInProgressWithTheirCountsAndWhatTheRoleAllows() {
        sending("bus-route");
        campaigns.create(campaign("gala", CampaignStatus.SENT, new CampaignCounts(10, 10, 0, 0, 0), NOW.minusSeconds(86_400)));
        ConsoleResponse page = console.handle(get("/console", sessionCookie(EDITOR, clock)));
        assertEquals(200, page.status());
        String sendingNow = page.body().substring(page.body().indexOf("Sending now"), page.body().indexOf("Latest campaigns"));
        assertTrue(sendingNow.contains("About bus-route") && sendingNow.contains("1,180") && sendingNow.contains("1,204"), sendingNow);
        assertFalse(sendingNow.contains("About gala"), "a finished campaign is not in progress");
        assertTrue(page.body().contains("Upload, preview, test send and submit articles"));
        assertFalse(page.body().contains("Approve and send"), "an editor is not told they may approve");
        assertFalse(page.body().contains("href=\"/console/audit\""), "nor shown the audit trail");
        assertTrue(console.handle(get("/console", sessionCookie(ADMIN, clock))).body().contains("href=\"/console/audit\""));
    }

    @Test
    void theCampaignsPageListsEveryCampaignWithItsCounts() {
        sending("bus-route");
        campaigns.create(campaign("gala", CampaignStatus.SENT, new CampaignCounts(10, 10, 0, 0, 0), NOW.minusSeconds(86_400)));
        String page = console.handle(get("/console/campaigns", sessionCookie(EDITOR, clock))).body();
        assertTrue(page.indexOf("About bus-route") > 0 && page.indexOf("About bus-route") < page.indexOf("About gala"), "newest first: " + page);
        assertTrue(page.contains("href=\"/console/campaigns/c-gala\"") && page.contains("1,204"), page);
    }

    @Test
    void aCampaignWaitingForTheDailyQuotaSaysHowManyWentWhenTheRestGoAndWhy() {
        campaigns.create(new Campaign(Campaign.idFor("big-news"), "big-news", "About big-news", List.of("newsletter"), CampaignStatus.SENDING,
                null, new despatch.sending.FanOutCursor(0, "s-5000"), false, new CampaignCounts(5_000, 5_000, 0, 0, 0), NOW.minusSeconds(600),
                NOW, 2, new despatch.sending.QuotaWait(Instant.parse("2026-12-08T09:20:00Z"), 5_000)));
        String page = console.handle(get("/console/campaigns", sessionCookie(EDITOR, clock))).body();
        assertTrue(page.contains("5,000 sent; the rest go on by themselves from about"), page);
        assertTrue(page.contains("from about 8 Dec 2026, 09:20, as the account&#39;s SES daily quota is 5,000 emails in any 24 hours"), page);
    }

    @Test
    void anApproverCancelsAfterConfirmingAndTheAuditTrailSaysWho() {
        Campaign campaign = sending("bus-route");
        String approver = sessionCookie(APPROVER, clock);
        ConsoleResponse detail = console.handle(get("/console/campaigns/" + campaign.id(), approver));
        assertTrue(detail.body().contains("href=\"/console/campaigns/c-bus-route/cancel\""), detail.body());

        ConsoleResponse confirm = console.handle(get("/console/campaigns/c-bus-route/cancel", approver));
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("1,180 people already have it"), confirm.body());
        assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status(), "asking changes nothing");

        ConsoleResponse done = console.handle(post("/console/campaigns/c-bus-route/cancel", approver, "csrf=" + csrfOn(confirm)));
        assertEquals(303, done.status());
        assertEquals("/console/campaigns/c-bus-route?done=cancel", done.headers().get("Location"));
        assertEquals(CampaignStatus.CANCELLED, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of(new AuditEntry(NOW, "sub-approver", "Morgan Office Manager", AuditAction.CANCEL, "c-bus-route")),
                audit.entries());

        ConsoleResponse again = console.handle(post("/console/campaigns/c-bus-route/cancel", approver, "csrf=" + csrfOn(confirm)));
        assertEquals(409, again.status(), "a second press (another tab, another approver) finds it over");
        assertTrue(again.body().contains("cancelled, so it cannot be cancelled"), again.body());
        assertEquals(1, audit.entries().size());
    }

    @Test
    void anEditorMayLookButNotActAndNothingChanges() {
        Campaign campaign = sending("bus-route");
        String editor = sessionCookie(EDITOR, clock);
        ConsoleResponse detail = console.handle(get("/console/campaigns/" + campaign.id(), editor));
        assertEquals(200, detail.status());
        assertFalse(detail.body().contains("/cancel\""), "no action offered");
        assertTrue(detail.body().contains("An approver can start, cancel or resend this campaign."), detail.body());

        ConsoleResponse refused = console.handle(post("/console/campaigns/c-bus-route/cancel", editor, "csrf=" + csrfOn(detail)));
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Nothing was changed"), refused.body());
        assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedWhoeverSendsIt() {
        Campaign campaign = sending("bus-route");
        String approver = sessionCookie(APPROVER, clock);
        for (String body : List.of("", "csrf=", "csrf=guessed", "csrf=" + csrfOn(console.handle(get("/console", sessionCookie(ADMIN, clock)))))) {
            ConsoleResponse refused = console.handle(post("/console/campaigns/c-bus-route/cancel", approver, body));
            assertEquals(403, refused.status(), body);
            assertTrue(refused.body().contains("nothing was changed"), refused.body());
        }
        assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void onlyAPostWithItsTokenChangesAnythingWhateverMethodTheApiLetsThrough() {
        Campaign campaign = sending("bus-route");
        String approver = sessionCookie(APPROVER, clock);
        for (String method : List.of("HEAD", "PUT", "DELETE", "PATCH")) {
            ConsoleResponse refused = console.handle(new despatch.subscription.web.WebRequest(method, "/console/campaigns/c-bus-route/cancel",
                    java.util.Map.of(), java.util.Map.of("cookie", approver), "", "http://127.0.0.1:8787", "127.0.0.1"));
            assertEquals(405, refused.status(), method);
        }
        assertEquals(CampaignStatus.SENDING, campaigns.find(campaign.id()).orElseThrow().status());
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void aCampaignInTheWrongStateSaysWhyAndOffersNothing() {
        campaigns.create(campaign("gala", CampaignStatus.SENT, new CampaignCounts(10, 10, 0, 0, 0), NOW));
        String approver = sessionCookie(APPROVER, clock);
        ConsoleResponse start = console.handle(get("/console/campaigns/c-gala/start", approver));
        assertEquals(409, start.status());
        assertTrue(start.body().contains("This campaign is sent, so it cannot be started"), start.body());
        assertEquals(404, console.handle(get("/console/campaigns/c-nothing", approver)).status());
        assertEquals(404, console.handle(get("/console/campaigns/c-gala/delete", approver)).status());
    }

    @Test
    void aHeldCampaignStartsWhenAnApproverSaysSo() {
        campaigns.create(campaign("late", CampaignStatus.HELD, CampaignCounts.NONE, NOW));
        String approver = sessionCookie(APPROVER, clock);
        ConsoleResponse confirm = console.handle(get("/console/campaigns/c-late/start", approver));
        assertTrue(confirm.body().contains("It was held because it would have started too late"), confirm.body());
        ConsoleResponse done = console.handle(post("/console/campaigns/c-late/start", approver, "csrf=" + csrfOn(confirm)));
        assertEquals(303, done.status());
        assertEquals(CampaignStatus.SENDING, campaigns.find("c-late").orElseThrow().status());
        assertTrue(console.handle(get("/console/campaigns/c-late", java.util.Map.of("done", List.of("start")), approver)).body().contains("Sending has started."));
        assertEquals(AuditAction.START, audit.entries().getFirst().action());
    }

    @Test
    void onlyAnAdminReadsTheAuditTrailNewestFirstAPageAtATime() {
        for (int i = 0; i < AuditRoutes.PAGE + 3; i++) {
            audit.record(new AuditEntry(NOW.plusSeconds(i), "sub-approver", "Morgan Office Manager", AuditAction.START, "c-" + i));
        }
        assertEquals(403, console.handle(get("/console/audit", sessionCookie(APPROVER, clock))).status());
        String admin = sessionCookie(ADMIN, clock);
        ConsoleResponse first = console.handle(get("/console/audit", admin));
        assertEquals(200, first.status());
        String body = first.body();
        assertTrue(body.indexOf(">c-" + (AuditRoutes.PAGE + 2) + "<") < body.indexOf(">c-3<"), "newest first");
        assertFalse(body.contains(">c-2<"), "a page at a time");
        String older = body.replaceAll("(?s).*href=\"(/console/audit\\?after=[^\"]+)\".*", "$1").replace("&amp;", "&");
        ConsoleResponse second = console.handle(get("/console/audit",
                despatch.subscription.web.FormEncoding.parse(older.substring(older.indexOf('?') + 1)), admin));
        assertTrue(second.body().contains(">c-2<") && second.body().contains(">c-0<"), second.body());
    }
}
