package despatch.local.checks;

import despatch.local.browser.BrowserTab;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole-page PNGs of a page at a phone's and a desktop's width, in the light and the dark
 * colour scheme, written to {@value #FOLDER} for a person to look at.
 */
public final class Screenshots {
    static final String FOLDER = "local/target/screenshots";
    public static final int PHONE = 375;
    public static final int DESKTOP = 1280;
    /** The first screenful; the shot itself runs to the page's full height. */
    private static final int SCREEN_HEIGHT = 800;

    private final Path folder;

    public Screenshots() {
        this.folder = ProjectRoot.find().resolve(FOLDER);
    }

    /** Opens the page at that width and scheme and writes NAME-WIDTH-SCHEME.png, e.g. article-375-dark.png. */
    public Path take(BrowserTab tab, URI page, String name, int width, ColourScheme scheme) {
        tab.emulateScreen(width, SCREEN_HEIGHT);
        tab.emulateColourScheme(scheme.cssValue());
        tab.open(page.toString());
        Path file = folder.resolve(name + "-" + width + "-" + scheme.cssValue() + ".png");
        try {
            Files.createDirectories(folder);
            Files.write(file, tab.screenshotOfWholePage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
