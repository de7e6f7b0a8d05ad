package despatch.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local OpenID provider as a node child process ({@code local/oidc/provider.cjs}). A stack
 * starts it when something first asks for sign-in, so the many stacks that never sign anyone in
 * do not pay for it.
 */
final class IdentityProviderEmulator implements AutoCloseable {
    private final NodeEmulator process;
    private final LocalIdentityProvider provider;
    private final Path temporaryLog;

    private IdentityProviderEmulator(NodeEmulator process, LocalIdentityProvider provider, Path temporaryLog) {
        this.process = process;
        this.provider = provider;
        this.temporaryLog = temporaryLog;
    }

    /**
     * @param stateDir where its log goes (under logs/), or null for a temporary file removed on close
     * @param settings its client secret and accounts, made up when the stack started
     */
    static IdentityProviderEmulator start(NodeModules modules, Path stateDir, LocalIdentityProvider.Settings settings) {
        modules.ensureInstalled();
        try {
            Path log = stateDir == null ? Files.createTempFile("despatch-oidc-provider", ".log")
                    : Files.createDirectories(stateDir.resolve("logs")).resolve("oidc-provider.log");
            NodeEmulator process;
            try {
                process = NodeEmulator.startAndAwait("oidc-provider", modules.script("oidc/provider.cjs"), List.of(), log,
                        settings.environment());
            } catch (RuntimeException e) {
                if (stateDir == null) {
                    Files.deleteIfExists(log);
                }
                throw e;
            }
            return new IdentityProviderEmulator(process, settings.at(process.endpoint()), stateDir == null ? log : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the identity provider's log", e);
        }
    }

    LocalIdentityProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        process.close();
        if (temporaryLog != null) {
            try {
                Files.deleteIfExists(temporaryLog);
            } catch (IOException e) {
                // A small log left in the temporary folder: not worth failing a shutdown for.
            }
        }
    }
}
