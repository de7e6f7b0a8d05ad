package despatch.lambda.signin;

import despatch.console.PendingSignIn;
import despatch.console.SignInRefusedException;
import despatch.console.StaffIdentity;
import despatch.console.StaffSignIn;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in that reads the provider's discovery document when someone first signs in, not when the
 * container starts: a console page for someone already signed in never waits for the provider,
 * and a provider that could not be reached is tried again on the next sign-in rather than failing
 * the container for good.
 */
public final class DiscoveredOnFirstUse implements StaffSignIn {
    private final Supplier<OidcSignIn> discover;
    private OidcSignIn discovered;

    public DiscoveredOnFirstUse(Supplier<OidcSignIn> discover) {
        this.discover = discover;
    }

    private synchronized OidcSignIn signIn() {
        if (discovered == null) {
            discovered = discover.get();
        }
        return discovered;
    }

    @Override
    public PendingSignIn begin(URI redirectUri) {
        return signIn().begin(redirectUri);
    }

    @Override
    public StaffIdentity finish(URI callback, PendingSignIn pending) throws SignInRefusedException {
        return signIn().finish(callback, pending);
    }

    @Override
    public Optional<URI> signOutUrl(URI afterSignOut) {
        return signIn().signOutUrl(afterSignOut);
    }
}
