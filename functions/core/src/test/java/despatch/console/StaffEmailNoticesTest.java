package despatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.Problem;
import despatch.publish.PublishOutcome;
import despatch.publish.SendApproval;
import despatch.publish.Uploader;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.OutgoingEmail;
import despatch.testing.TestOffice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is told what about an upload, and that the links lead to the console. */
class StaffEmailNoticesTest {
    private static final Uploader PAT = new Uploader("sub-pat", "Pat Press Officer", "press.officer@example.org.uk");
    private final List<OutgoingEmail> sent = new ArrayList<>();
    private final InMemoryApproverDirectory approvers = new InMemoryApproverDirectory();

    private StaffEmailNotices notices(SendApproval policy) {
        return new StaffEmailNotices(sent::add, new SubscriptionRenderer(TestOffice.office()), approvers, policy, TestOffice.office(),
                "https://api.example.org.uk/console");
    }

    private static StaffIdentity staff(String subject, String email, String... groups) {
        return new StaffIdentity(subject, email, subject, StaffRole.fromGroups(List.of(groups)));
    }

    @Test
    void anUploadThatWaitsTellsItsUploaderAndEveryOtherApprover() {
        approvers.signedIn(staff("sub-morgan", "office.manager@example.org.uk", "approver"));
        approvers.signedIn(staff("sub-pat", "press.officer@example.org.uk", "approver"));
        approvers.signedIn(staff("sub-sam", "sam@example.org.uk", "editor"));
        notices(SendApproval.TWO_PERSON).tell("articles/bus.md", PAT, new PublishOutcome.AwaitingApproval("articles/bus.md", "bus",
                SendApproval.TWO_PERSON));

        assertEquals(List.of("press.officer@example.org.uk", "office.manager@example.org.uk"),
                sent.stream().map(email -> email.to().forDelivery()).toList(), "the uploader, then approvers other than the uploader");
        assertTrue(sent.get(1).subject().contains("awaits your approval"), sent.get(1).subject());
        assertTrue(sent.get(1).text().contains("https://api.example.org.uk/console/approvals/" + LinkIds.of("articles/bus.md")),
                sent.get(1).text());
    }

    @Test
    void aRefusedUploadTellsItsUploaderEveryReasonAndAnUnknownUploaderIsToldNothing() {
        notices(SendApproval.NONE).tell("articles/bus.md", PAT, new PublishOutcome.Rejected("articles/bus.md",
                List.of(new Problem("front matter: lists", "no list newsletters"), new Problem("front matter: date", "not a date"))));
        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().text().contains("no list newsletters") && sent.getFirst().text().contains("not a date"));

        notices(SendApproval.NONE).tell("articles/bus.md", Uploader.UNKNOWN, new PublishOutcome.Scheduled("articles/bus.md", "bus",
                Instant.parse("2030-01-15T00:01:00Z"), List.of()));
        assertEquals(1, sent.size(), "an upload from outside the console names nobody to tell");
    }
}
