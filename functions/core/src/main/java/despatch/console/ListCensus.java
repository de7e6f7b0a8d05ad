package despatch.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each day's count of every list's members, kept so that the console's pages read a few small
 * items rather than count a list's members on every view, and so that a list's growth can be
 * shown: the count of the first day in a window beside today's.
 */
public interface ListCensus {

    /**
     * @param day       the office's day it was counted on (one count a day is kept: the latest)
     * @param countedAt when
     * @param members   each list's active members, by list id
     */
    record Count(LocalDate day, Instant countedAt, Map<String, Long> members) {
        public Count {
            members = Map.copyOf(members);
        }
    }

    Optional<Count> latest();

    /** The counts from {@code firstDay} on, oldest first. */
    List<Count> since(LocalDate firstDay);

    /** Keeps the count as its day's (replacing an earlier one that day). */
    void record(Count count);
}
