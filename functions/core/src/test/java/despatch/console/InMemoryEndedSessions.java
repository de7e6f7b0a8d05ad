package despatch.console;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Ended sessions in a map. */
public final class InMemoryEndedSessions implements EndedSessions {
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();

    @Override
    public void end(String sessionId, Instant until) {
        ended.put(sessionId, until);
    }

    @Override
    public boolean isEnded(String sessionId) {
        return ended.containsKey(sessionId);
    }
}
