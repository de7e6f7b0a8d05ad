package despatch.local.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local stack's OpenID provider (oidc-provider from npm, OpenID Certified), standing in for
 * the Cognito user pool: where it is, the console's app client on it, and who may sign in.
 *
 * @param issuer       its issuer identifier; discovery is at {@code /.well-known/openid-configuration}
 * @param clientId     the console's app client
 * @param clientSecret that client's secret, made up for this stack
 * @param staff        the accounts, one per role
 */
public record LocalIdentityProvider(URI issuer, String clientId, String clientSecret, List<StaffAccount> staff) {
    public static final String CLIENT_ID = "despatch-console";
    /**
     * Where the console takes the browser back after sign-in. A loopback address: the provider
     * accepts it on any port (RFC 8252), as local servers and tests choose their ports.
     */
    public static final String REDIRECT_URI = "http://127.0.0.1/console/signed-in";
    /** Where the console takes the browser after signing out at the provider. */
    public static final String POST_SIGN_OUT_URI = "http://127.0.0.1/console/signed-out";

    public LocalIdentityProvider {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        staff = List.copyOf(staff);
    }

    @Override
    public String toString() {
        return "LocalIdentityProvider[" + issuer + ", " + clientId + ", " + staff + "]";
    }

    /** The account of the given group (editor, approver or admin). */
    public StaffAccount account(String group) {
        return staff.stream().filter(account -> account.group().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No local staff account in group " + group));
    }

    /** What the provider is told about before it starts, all made up afresh for each stack. */
    record Settings(String clientSecret, String cookieKey, List<StaffAccount> staff) {

        static Settings fresh() {
            SecureRandom random = new SecureRandom();
            return new Settings(secret(random), secret(random), StaffAccount.demo(random));
        }

        /** provider.cjs reads these. */
        Map<String, String> environment() {
            List<Map<String, Object>> accounts = staff.stream().map(account -> Map.<String, Object>of("email", account.email(),
                    "password", account.password(), "name", account.name(), "groups", List.of(account.group()))).toList();
            try {
                return Map.of("OIDC_ACCOUNTS", new ObjectMapper().writeValueAsString(accounts),
                        "OIDC_CLIENT_ID", CLIENT_ID,
                        "OIDC_CLIENT_SECRET", clientSecret,
                        "OIDC_REDIRECT_URIS", REDIRECT_URI,
                        "OIDC_POST_LOGOUT_REDIRECT_URIS", POST_SIGN_OUT_URI,
                        "OIDC_COOKIE_KEY", cookieKey);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "Settings[" + staff + "]";
        }

        LocalIdentityProvider at(URI issuer) {
            return new LocalIdentityProvider(issuer, CLIENT_ID, clientSecret, staff);
        }

        private static String secret(SecureRandom random) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
