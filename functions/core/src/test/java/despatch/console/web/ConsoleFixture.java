package despatch.console.web;

import despatch.article.ArticleParser;
import despatch.console.ApprovalDesk;
import despatch.console.AuditTrail;
import despatch.console.InMemoryApproverDirectory;
import despatch.console.InMemoryEndedSessions;
import despatch.console.InMemoryImportUploads;
import despatch.console.InMemoryDrafts;
import despatch.console.InMemoryListCensus;
import despatch.console.PendingSignIn;
import despatch.console.StaffIdentity;
import despatch.console.StaffSignIn;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.CampaignStore;
import despatch.feedback.FeedbackTally;
import despatch.publish.InMemoryApprovals;
import despatch.publish.InMemoryUploadLog;
import despatch.publish.PreviewService;
import despatch.publish.UploadFingerprints;
import despatch.publish.SendApproval;
import despatch.render.ArticleRenderer;
import despatch.sending.FanOutCursor;
import despatch.sending.CampaignMessage;
import despatch.sending.InMemoryDeliveryLedger;
import despatch.sending.TestSend;
import despatch.sending.SendBatch;
import despatch.sending.SendQueue;
import despatch.sending.StaffCampaignActions;
import despatch.subscription.InMemorySubscriberStore;
import despatch.subscription.web.WebRequest;
import despatch.testing.TestOffice;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Console unit tests' shared pieces: staff of each role, sessions for them, campaigns, requests. */
final class ConsoleFixture {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final StaffIdentity EDITOR = new StaffIdentity("sub-editor", "press.officer@example.org.uk", "Pat Press Officer",
            StaffRole.fromGroups(List.of("editor")));
    static final StaffIdentity APPROVER = new StaffIdentity("sub-approver", "office.manager@example.org.uk", "Morgan Office Manager",
            StaffRole.fromGroups(List.of("approver")));
    static final StaffIdentity ADMIN = new StaffIdentity("sub-admin", "admin@example.org.uk", "Sam Administrator",
            StaffRole.fromGroups(List.of("admin")));

    private ConsoleFixture() {
    }

    /** For tests that start with a session: nobody signs in, and signing out ends nothing at a provider. */
    static final StaffSignIn NO_SIGN_IN = new StaffSignIn() {
        @Override
        public PendingSignIn begin(URI redirectUri) {
            throw new AssertionError("not signing in here");
        }

        @Override
        public StaffIdentity finish(URI callback, PendingSignIn pending) {
            throw new AssertionError("not signing in here");
        }

        @Override
        public Optional<URI> signOutUrl(URI afterSignOut) {
            return Optional.empty();
        }
    };

    /** Staff's actions on these campaigns; what they queue goes into {@code queued}. */
    static StaffCampaignActions campaignActions(CampaignStore campaigns, Clock clock, List<SendBatch> queued) {
        SendQueue queue = new SendQueue() {
            @Override
            public void enqueue(List<SendBatch> batches) {
                queued.addAll(batches);
            }

            @Override
            public void enqueueLater(SendBatch batch, Duration delay) {
                queued.add(batch);
            }
        };
        // The console's start asks for fan-out; nothing fans out here.
        despatch.sending.FanOutRequests noFanOut = new despatch.sending.FanOutRequests() {
            @Override
            public void request(String campaignId) {
            }

            @Override
            public void requestLater(String campaignId, Duration delay, int idleLooks) {
            }
        };
        return new StaffCampaignActions(campaigns, new InMemorySubscriberStore(), queue, noFanOut, slug -> { }, clock);
    }

    /** The console's services over these in-memory stores, with the test office's real parser and renderer for previews. */
    static Console.Services services(AuditTrail audit, CampaignStore campaigns, InMemoryDrafts drafts, Clock clock, List<SendBatch> queued) {
        return services(audit, campaigns, drafts, new InMemoryApprovals(), SendApproval.NONE, clock, queued, new java.util.ArrayList<>());
    }

    /**
     * The same, uploads waiting in {@code approvals} under {@code policy}; an approved one is put in
     * drafts' submissions, and test sends in {@code testsSent}.
     */
    static Console.Services services(AuditTrail audit, CampaignStore campaigns, InMemoryDrafts drafts, InMemoryApprovals approvals,
            SendApproval policy, Clock clock, List<SendBatch> queued, List<CampaignMessage> testsSent) {
        InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
        return new Console.Services(audit, campaignActions(campaigns, clock, queued), new InMemoryDeliveryLedger(), drafts,
                new PreviewService(new ArticleParser(TestOffice.office(), clock), new ArticleRenderer(TestOffice.office(), clock), drafts),
                new ApprovalDesk(policy, approvals, new UploadFingerprints(new ArticleParser(TestOffice.office(), clock), drafts), (key, by) -> drafts.submitted.add(key + " approved by " + by), audit, clock),
                new TestSend(message -> {
                    testsSent.add(message);
                    return "test-" + testsSent.size();
                }, "", "https://api.example.org.uk"), id -> LIST_SIZES.getOrDefault(id, 0L), subscribers,
                new InMemoryApproverDirectory(), new InMemoryImportUploads(), new InMemoryUploadLog(),
                FeedbackTally.NONE, new InMemoryEndedSessions(), drafts, new InMemoryListCensus(), subscribers, () -> { });
    }

    /** The same services, the site rebuilt by {@code rebuild}. */
    static Console.Services withSiteRebuild(Console.Services base, despatch.console.SiteRebuild rebuild) {
        return new Console.Services(base.audit(), base.campaigns(), base.ledger(), base.drafts(), base.previews(), base.approvals(),
                base.testSend(), base.listSizes(), base.subscribers(), base.approvers(), base.imports(), base.uploads(), base.feedback(),
                base.endedSessions(), base.uploadForms(), base.listCensus(), base.suppressions(), rebuild);
    }

    /** What the lists hold, for "who it goes to" beside a preview. */
    static final Map<String, Long> LIST_SIZES = Map.of("newsletter", 1204L, "press", 310L);


    /** The Cookie header of a session for this person, started now. */
    static String sessionCookie(StaffIdentity who, Clock clock) {
        StaffSessions sessions = new StaffSessions(SECRET, clock);
        return ConsoleCookies.SESSION + "=" + sessions.cookieValue(sessions.start(who));
    }

    /** The CSRF token on a signed-in page: every page's sign-out form carries it. */
    static String csrfOn(ConsoleResponse page) {
        return page.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    }

    static Campaign campaign(String slug, CampaignStatus status, CampaignCounts counts, Instant at) {
        return new Campaign(Campaign.idFor(slug), slug, "About " + slug, List.of("newsletter"), status, null, FanOutCursor.START, true, counts,
                at, at, 1);
    }

    static WebRequest get(String path, String cookie) {
        return get(path, Map.of(), cookie);
    }

    static WebRequest get(String path, Map<String, List<String>> query, String cookie) {
        return new WebRequest("GET", path, query, cookie == null ? Map.of() : Map.of("cookie", cookie), "", "http://127.0.0.1:8787",
                "127.0.0.1");
    }

    static WebRequest post(String path, String cookie, String body) {
        return new WebRequest("POST", path, Map.of(), Map.of("cookie", cookie, "content-type", "application/x-www-form-urlencoded"), body,
                "http://127.0.0.1:8787", "127.0.0.1");
    }
}
