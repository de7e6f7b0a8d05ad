package despatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stack's name is checked before anything is made: one that makes valid bucket names, in an account with nothing left over. */
class StackNameCheckTest {
    private static final List<String> BUCKETS = List.of("despatch-uploads-123456789012", "despatch-site-123456789012");
    private static final List<String> QUEUES = List.of("despatch-site.fifo", "despatch-site-dead-letters.fifo");

    private static final String STACK_ID = "arn:aws:cloudformation:eu-west-2:123456789012:stack/despatch/1a2b";

    /** {@code existing} names held by someone else; {@code ours} by this stack. */
    private static StackNameCheck in(Set<String> existing, Set<String> ours) {
        return new StackNameCheck(new StackNameCheck.Existing() {
            @Override
            public StackNameCheck.Holder bucket(String name, String stackId) {
                return holder(name, stackId);
            }

            @Override
            public StackNameCheck.Holder queue(String name, String stackId) {
                return holder(name, stackId);
            }

            private StackNameCheck.Holder holder(String name, String stackId) {
                assertEquals(STACK_ID, stackId);
                return ours.contains(name) ? StackNameCheck.Holder.THIS_STACK
                        : existing.contains(name) ? StackNameCheck.Holder.SOMEONE_ELSE : StackNameCheck.Holder.NOBODY;
            }
        });
    }

    private static StackNameCheck in(Set<String> existing) {
        return in(existing, Set.of());
    }

    @Test
    void aLowerCaseNameInAnEmptyAccountIsFine() {
        assertEquals(Optional.empty(), in(Set.of()).problem("despatch", STACK_ID, BUCKETS, QUEUES));
        assertEquals(Optional.empty(), StackNameCheck.problemWithName("jane-smith-mp-news"));
        assertEquals(Optional.empty(), StackNameCheck.problemWithName("a".repeat(StackNameCheck.MAX_LENGTH)));
    }

    @Test
    void aNameThatCannotNameABucketSaysWhyAndSuggestsOne() {
        String upper = StackNameCheck.problemWithName("JaneSmith_News").orElseThrow();
        assertTrue(upper.contains("'JaneSmith_News' cannot be used") && upper.contains("such as 'janesmith-news'"), upper);
        assertTrue(StackNameCheck.problemWithName("a".repeat(StackNameCheck.MAX_LENGTH + 1)).isPresent(), "too long for a bucket name");
        assertTrue(StackNameCheck.problemWithName("news--office").isPresent());
        assertTrue(StackNameCheck.problemWithName("news-").isPresent());
        assertTrue(StackNameCheck.problemWithName("9news").orElseThrow().contains("such as 'news'"));
        String cognito = StackNameCheck.problemWithName("aws-news").orElseThrow();
        assertTrue(cognito.contains("Cognito refuses") && cognito.contains("such as 'news'"), cognito);
        assertTrue(StackNameCheck.problemWithName("sthree-news").isPresent(), "S3 refuses bucket names starting sthree-");
    }

    @Test
    void aStackMadeBeforeTheCheckExistedFindsItsOwnBucketsAndQueuesAndGoesOn() {
        Set<String> all = Set.of(BUCKETS.get(0), BUCKETS.get(1), QUEUES.get(0), QUEUES.get(1));
        assertEquals(Optional.empty(), in(Set.of(), all).problem("despatch", STACK_ID, BUCKETS, QUEUES), "an update adds the check to it");
    }

    @Test
    void whatAnEarlierStackOfTheNameLeftBehindIsNamedWithTheWaysOut() {
        String left = in(Set.of("despatch-uploads-123456789012", "despatch-site.fifo")).problem("despatch", STACK_ID, BUCKETS, QUEUES).orElseThrow();
        assertTrue(left.contains("despatch-uploads-123456789012, despatch-site.fifo already exist"), left);
        assertTrue(left.contains("Deploy under another stack name") && left.contains("empty and delete them"), left);
    }
}
