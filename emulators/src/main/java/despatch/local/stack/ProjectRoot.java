package despatch.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's top folder: the nearest folder at or above the working directory holding template.yaml. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        return findFrom(Path.of("").toAbsolutePath());
    }

    public static Path findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml at or above " + start.toAbsolutePath()
                + ": run from inside the Despatch project");
    }
}
