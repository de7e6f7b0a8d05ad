package despatch.lambda.wiring;

/**
 * SnapStart priming: reads that find nothing, made before the snapshot, so that a restored
 * container's first request finds the SDK's request path (client, credentials, marshalling,
 * signing, HTTP, unmarshalling) and the adapter's own code loaded and compiled. Never a write:
 * write paths are primed with requests the service refuses ({@link RefusedWrites}).
 */
final class Warmup {
    /** A key no record, object or address has. */
    static final String NOTHING = "snapstart-priming-finds-nothing";

    private Warmup() {
    }

    /** Best effort: a read that fails has still loaded most of its path, and priming must not stop a snapshot. */
    static void read(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // Nothing to do: see above.
        }
    }
}
