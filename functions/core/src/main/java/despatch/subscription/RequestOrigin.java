package despatch.subscription;

/**
 * Where a request came from, as consent records store it. The user agent is cut to a sane
 * length: it is evidence, not an attack surface.
 */
public record RequestOrigin(ConsentSource source, String ipAddress, String userAgent, String evidence) {
    private static final int USER_AGENT_LIMIT = 256;

    public RequestOrigin {
        ipAddress = ipAddress == null ? "" : ipAddress;
        userAgent = userAgent == null ? "" : userAgent.length() > USER_AGENT_LIMIT ? userAgent.substring(0, USER_AGENT_LIMIT) : userAgent;
        evidence = evidence == null ? "" : evidence;
    }

    public static RequestOrigin web(ConsentSource source, String ipAddress, String userAgent) {
        return new RequestOrigin(source, ipAddress, userAgent, "");
    }

    public static RequestOrigin imported(String evidence) {
        return new RequestOrigin(ConsentSource.IMPORT, "", "", evidence);
    }
}
