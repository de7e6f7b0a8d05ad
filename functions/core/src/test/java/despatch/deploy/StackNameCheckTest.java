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

    private static StackNameCheck in(Set<String> existing) {
        return new StackNameCheck(new StackNameCheck.Existing() {
            @Override
            public boolean bucket(String name) {
                return existing.contains(name);
            }

            @Override
            public boolean queue(String name) {
                return existing.contains(name);
            }
        });
    }

    @Test
    void aLowerCaseNameInAnEmptyAccountIsFine() {
        assertEquals(Optional.empty(), in(Set.of()).problem("despatch", BUCKETS, QUEUES));
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
    }

    @Test
    void whatAnEarlierStackOfTheNameLeftBehindIsNamedWithTheWaysOut() {
        String left = in(Set.of("despatch-uploads-123456789012", "despatch-site.fifo")).problem("despatch", BUCKETS, QUEUES).orElseThrow();
        assertTrue(left.contains("despatch-uploads-123456789012, despatch-site.fifo already exist"), left);
        assertTrue(left.contains("Deploy under another stack name") && left.contains("empty and delete them"), left);
    }
}
