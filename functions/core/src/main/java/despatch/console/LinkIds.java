package despatch.console;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A bucket key as the console's addresses carry it: base64url, so that its slashes stay one path segment. */
public final class LinkIds {
    private LinkIds() {
    }

    public static String of(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key an address carries; empty for anything that is not one. */
    public static Optional<String> key(String id) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
