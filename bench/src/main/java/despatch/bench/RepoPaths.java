package despatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the harness finds the build outputs and template.yaml, from any directory inside the repository. */
record RepoPaths(Path root) {

    static RepoPaths find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml")) && Files.isDirectory(dir.resolve("functions"))) {
                return new RepoPaths(dir);
            }
        }
        throw new IllegalStateException("Run from inside the Despatch repository (no bench/pom.xml above "
                + Path.of("").toAbsolutePath() + ").");
    }

    /** The artifact template.yaml deploys, so the cold start measures what Lambda loads. */
    Path shadedJar() {
        return root.resolve("functions/lambda/target/despatch-lambda-aws.jar");
    }

    Path benchClasses() {
        return root.resolve("bench/target/classes");
    }

    /**
     * The Lambda runtime's event serialiser: the runtime brings it, the deployed jar does not, so the
     * cold-start child borrows it from the stack's classpath to read events as Lambda reads them.
     */
    java.util.List<Path> runtimeJars() {
        try (var jars = Files.list(root.resolve("bench/target/stack-lib"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-serialization-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path template() {
        return root.resolve("template.yaml");
    }

    Path previewEvent() {
        return root.resolve("events/preview.json");
    }
}
