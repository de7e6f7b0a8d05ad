package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.feedback.FeedbackTally;
import despatch.lambda.wiring.Setting;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each day's bounces and complaints on the DynamoDB emulator, added to atomically and summed over a range of days. */
class DynamoDbFeedbackTallyTest {
    private final DynamoDbFeedbackTally tally = new DynamoDbFeedbackTally(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.SendFunction).get(Setting.CAMPAIGNS_TABLE.name()));

    @Test
    void daysAreAddedToAndSummedFromAFirstDay() {
        // Far in the future, so no other test's feedback is counted.
        LocalDate day = LocalDate.of(2098, 3, 1);
        tally.add(day.minusDays(40), 5, 5);
        tally.add(day.minusDays(1), 2, 0);
        tally.add(day, 1, 1);
        tally.add(day, 1, 0);
        assertEquals(new FeedbackTally.Totals(4, 1), tally.since(day.minusDays(29)));
    }
}
