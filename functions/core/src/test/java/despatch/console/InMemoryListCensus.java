package despatch.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The list census in a sorted map by day, as the table keeps it. */
public final class InMemoryListCensus implements ListCensus {
    private final TreeMap<LocalDate, Count> days = new TreeMap<>();
    /** How often the lists were counted (a record each). */
    public int recorded;

    @Override
    public synchronized Optional<Count> latest() {
        return Optional.ofNullable(days.lastEntry()).map(java.util.Map.Entry::getValue);
    }

    @Override
    public synchronized List<Count> since(LocalDate firstDay) {
        return List.copyOf(days.tailMap(firstDay, true).values());
    }

    @Override
    public synchronized void record(Count count) {
        days.put(count.day(), count);
        recorded++;
    }
}
