package despatch.console.web;

import static despatch.console.web.ConsoleFixture.ADMIN;
import static despatch.console.web.ConsoleFixture.APPROVER;
import static despatch.console.web.ConsoleFixture.csrfOn;
import static despatch.console.web.ConsoleFixture.get;
import static despatch.console.web.ConsoleFixture.post;
import static despatch.console.web.ConsoleFixture.sessionCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.InMemoryAuditTrail;
import despatch.console.InMemoryDrafts;
import despatch.sending.InMemoryCampaignStore;
import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rebuilding the site from the console: admins only, asked once, the request sent once and audited. */
class ConsoleSiteTest {
    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final AtomicInteger rebuilds = new AtomicInteger();
    private final Console console = new Console(ConsoleFixture.NO_SIGN_IN, ConsoleFixture.SECRET, clock, TestOffice.office(),
            ConsoleFixture.withSiteRebuild(ConsoleFixture.services(audit, new InMemoryCampaignStore(), new InMemoryDrafts(), clock,
                    new ArrayList<>()), rebuilds::incrementAndGet));

    @Test
    void anAdminIsAskedOnceThenTheRebuildIsRequestedAndAudited() {
        String admin = sessionCookie(ADMIN, clock);
        ConsoleResponse ask = console.handle(get("/console/site", admin));
        assertEquals(200, ask.status());
        assertTrue(ask.body().contains("Rebuild the whole site?"), ask.body());
        assertEquals(0, rebuilds.get(), "asking changes nothing");

        ConsoleResponse done = console.handle(post("/console/site/rebuild", admin, "csrf=" + csrfOn(ask)));
        assertEquals(303, done.status());
        assertEquals(1, rebuilds.get());
        assertEquals(AuditAction.REBUILD, audit.entries().getLast().action());
        assertTrue(console.handle(get(done.headers().get("Location").replaceFirst("\\?.*", ""), java.util.Map.of("done",
                java.util.List.of("rebuild")), admin)).body().contains("The site is being rebuilt"));
    }

    @Test
    void anApproverOrAPostWithoutTheTokenRebuildsNothing() {
        String approver = sessionCookie(APPROVER, clock);
        assertEquals(403, console.handle(get("/console/site", approver)).status());
        String token = csrfOn(console.handle(get("/console", approver)));
        assertEquals(403, console.handle(post("/console/site/rebuild", approver, "csrf=" + token)).status());
        assertEquals(403, console.handle(post("/console/site/rebuild", sessionCookie(ADMIN, clock), "csrf=guess")).status());
        assertEquals(0, rebuilds.get());
        assertTrue(audit.entries().stream().noneMatch(entry -> entry.action() == AuditAction.REBUILD));
    }
}
