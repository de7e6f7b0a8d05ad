package despatch.local.serve;

import java.net.URI;
import java.util.OptionalInt;

/**
 * Where {@code ./despatch serve} listens. Pages, feeds and emails carry the stack's PublicApiUrl
 * and SiteBaseUrl, so serve listens where those point: a stack it starts itself is given its
 * port, and a stack already running ({@code ./despatch up}) decides the port, or serve refuses a
 * different one rather than serve pages whose links lead elsewhere.
 */
public record ServeAddress(int port) {
    public static final int DEFAULT_PORT = 8787;

    /** The port a stack serve starts itself should be given. */
    public static ServeAddress forOwnStack(OptionalInt requested) {
        return new ServeAddress(requested.orElse(DEFAULT_PORT));
    }

    /**
     * @param stackAddress the running stack's PUBLIC_API_URL
     * @throws ElsewhereException when a port other than the one the stack links to is asked for
     */
    public static ServeAddress forRunningStack(OptionalInt requested, String stackAddress) throws ElsewhereException {
        int linked = loopbackPort(stackAddress);
        if (linked < 0) {
            throw new ElsewhereException("the running local stack links to " + (stackAddress.isBlank() ? "no address" : stackAddress)
                    + ", not to this machine; stop it with ./despatch down and run ./despatch serve again");
        }
        if (requested.isPresent() && requested.getAsInt() != linked) {
            throw new ElsewhereException("the running local stack writes links to port " + linked + " into pages and emails, not "
                    + requested.getAsInt() + ". Serve it there (./despatch serve), or stop it (./despatch down) and run"
                    + " ./despatch serve --port " + requested.getAsInt() + ", which starts a stack for that port.");
        }
        return new ServeAddress(linked);
    }

    /** http://127.0.0.1:PORT, as the stack's PublicApiUrl and SiteBaseUrl. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private static int loopbackPort(String address) {
        try {
            URI uri = URI.create(address);
            return "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost()) && uri.getPort() > 0 ? uri.getPort() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The stack that is running sends its links to another address. */
    public static final class ElsewhereException extends Exception {
        ElsewhereException(String message) {
            super(message);
        }
    }
}
