package despatch.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3 in this JVM (S3Proxy). With a state directory, objects are plain files under
 * {@code <state>/s3/<bucket>/<key>}, so a person can open a published page in a browser;
 * without one, they live in memory.
 */
final class S3ProxyEmulator implements AutoCloseable {

    /** S3Proxy checks signatures, so clients need exactly this pair (other emulators accept any). */
    static final String ACCESS_KEY_ID = "despatch-local";
    static final String SECRET_ACCESS_KEY = "despatch-local-secret";

    private final S3Proxy proxy;
    private final Path root;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3ProxyEmulator(S3Proxy proxy, Path root) {
        this.proxy = proxy;
        this.root = root;
    }

    static S3ProxyEmulator start(Path stateDir) {
        Path root = stateDir == null ? null : createDirectories(stateDir.resolve("s3"));
        BlobStore store = root == null ? new TransientNio2BlobStore() : new FilesystemNio2BlobStore(root.toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                // No graceful drain on stop: Jetty's would add over a second to every shutdown.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyEmulator(proxy, root);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    int port() {
        return proxy.getPort();
    }

    /** The file holding an object, when objects are kept on disk. */
    Optional<Path> filePathOf(String bucket, String key) {
        if (root == null) {
            return Optional.empty();
        }
        Path bucketDir = root.resolve(bucket).normalize();
        Path file = bucketDir.resolve(key).normalize();
        if (!bucketDir.startsWith(root) || !file.startsWith(bucketDir)) {
            throw new IllegalArgumentException("Bucket or key escapes the S3 folder: " + bucket + "/" + key);
        }
        return Optional.of(file);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
