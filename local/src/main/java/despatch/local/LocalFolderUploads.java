package despatch.local;

import despatch.article.ArticleRejectedException;
import despatch.article.UploadText;
import despatch.publish.PublishService;
import despatch.publish.UploadNotFoundException;
import despatch.publish.UploadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder on this machine read as the uploads bucket's {@code articles/}, for an offline preview:
 * {@code articles/bus.md} is {@code <folder>/bus.md}, and the images beside it are in
 * {@code <folder>/bus.images/}, as they would be uploaded. Read only: a preview writes nothing.
 */
public final class LocalFolderUploads implements UploadStore {
    private final Path folder;

    public LocalFolderUploads(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The key an upload of this file would have. */
    public static String keyOf(Path file) {
        return PublishService.ARTICLES_PREFIX + file.getFileName();
    }

    /** The file a key names, if it is one under the folder. */
    private java.util.Optional<Path> fileOf(String key) {
        if (!key.startsWith(PublishService.ARTICLES_PREFIX)) {
            return java.util.Optional.empty();
        }
        Path file = folder.resolve(key.substring(PublishService.ARTICLES_PREFIX.length())).normalize();
        return file.startsWith(folder) && Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
    }

    @Override
    public byte[] read(String key, int maxBytes) throws ArticleRejectedException {
        Path file = fileOf(key).orElseThrow(() -> new UploadNotFoundException(key));
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw UploadText.tooLarge(size);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    @Override
    public java.util.Optional<java.time.Instant> lastModified(String key) {
        return fileOf(key).map(file -> {
            try {
                return Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        });
    }

    @Override
    public void recordRejection(String key, String reportJson) {
        throw new UnsupportedOperationException("a preview writes nothing");
    }

    @Override
    public void clearRejection(String key) {
        throw new UnsupportedOperationException("a preview writes nothing");
    }
}
