package despatch.feedback;

import java.time.LocalDate;

/**
 * Bounces and complaints counted per day, for the console's dashboard: the two figures SES reviews
 * an account on, without a read that grows with the number of subscribers.
 */
public interface FeedbackTally {
    /** Counting nothing, where no dashboard reads it. */
    FeedbackTally NONE = new FeedbackTally() {
        @Override
        public void add(LocalDate day, int bounces, int complaints) {
        }

        @Override
        public Totals since(LocalDate firstDay) {
            return new Totals(0, 0);
        }
    };

    void add(LocalDate day, int bounces, int complaints);

    /** From that day to today. */
    Totals since(LocalDate firstDay);

    record Totals(long bounces, long complaints) {
    }
}
