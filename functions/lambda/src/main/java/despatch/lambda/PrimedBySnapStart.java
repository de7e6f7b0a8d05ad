package despatch.lambda;

import org.crac.Context;
import org.crac.Resource;

/**
 * A handler SnapStart primes: before the snapshot it runs {@link #prime()}, so that a restored
 * container's first request finds templates parsed and every client it uses warm; after restore
 * there is nothing to refresh (clients resolve credentials lazily). Handlers register themselves
 * in their no-argument constructors, the ones Lambda calls.
 */
interface PrimedBySnapStart extends Resource {
    /** What a first request would otherwise pay for: template parsing, client start-up, the SDK's request path. Writes nothing. */
    void prime();

    @Override
    default void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    default void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh.
    }
}
