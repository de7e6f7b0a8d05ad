package despatch.subscription;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random, unguessable identifiers: 128 bits, hex. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
