package despatch.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The network a client address belongs to, for per-network limits: an IPv4 address itself, an
 * IPv6 address's /64 (one household or phone gets a whole /64 and can pick any address in it).
 */
final class NetworkKey {
    private NetworkKey() {
    }

    static String of(String ipAddress) {
        if (!ipAddress.contains(":")) {
            return ipAddress;
        }
        try {
            // A literal with a colon is parsed, never looked up.
            byte[] bytes = InetAddress.getByName(ipAddress).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : ipAddress;
        } catch (UnknownHostException e) {
            return ipAddress;
        }
    }
}
