package despatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./despatch's Java side: the one usage text, and every argument error said before anything
 * runs (no stack started, nothing uploaded), with the command's own usage line.
 */
class LocalRunnerTest {
    @TempDir
    Path folder;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(Map<String, String> environment, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LocalRunner.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Run from {@code folder}, with no stack running. */
    private Outcome run(String... args) throws Exception {
        return run(Map.of(LocalRunner.CALLER_DIRECTORY, folder.toString()), args);
    }

    @Test
    void helpPrintsTheOneUsageTextWithEveryCommandTheReadmeLists() throws Exception {
        Outcome help = run("help");
        assertEquals(0, help.status());
        assertEquals(Usage.text(), help.out());
        for (String command : List.of("demo", "test", "up", "down", "preview", "publish", "serve", "site rebuild", "import",
                "subscribers export", "test-send", "campaigns", "campaign", "start", "cancel", "resend-unknown", "bench recipients",
                "bench subscribers", "bench send", "bench site", "bench image", "bench preview", "build")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " is in the usage text");
        }
        assertEquals(help, run());
        assertEquals(help, run("--help"));
        assertTrue(help.out().lines().allMatch(line -> line.length() <= 120), "fits a terminal");
    }

    @Test
    void anUnknownCommandIsNamedAndTheWholeUsageFollows() throws Exception {
        Outcome outcome = run("publsh", "a.md");
        assertEquals(2, outcome.status());
        assertEquals("despatch: unknown command 'publsh'\n" + Usage.text(), outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void eachArgumentErrorSaysWhatIsWrongWithThatCommandsUsageLineOnly() throws Exception {
        Files.writeString(folder.resolve("article.md"), "# Title\n");
        Files.writeString(folder.resolve("people.txt"), "email\n");
        List<List<String>> cases = List.of(
                List.of("preview", "article.md", "--out"), List.of("missing DIR", "usage: ./despatch preview FILE --out DIR"),
                List.of("preview", "nothing.md", "--out", "out"), List.of("no such file: " + folder.resolve("nothing.md"),
                        "usage: ./despatch preview FILE --out DIR"),
                List.of("publish"), List.of("missing FILE", "usage: ./despatch publish FILE..."),
                List.of("import", "people.txt"), List.of("the file name must end in .csv", "usage: ./despatch import FILE.csv"),
                List.of("import", "a.csv", "b.csv"), List.of("no such file: " + folder.resolve("a.csv"), "usage: ./despatch import FILE.csv"),
                List.of("site"), List.of("missing rebuild", "usage: ./despatch site rebuild [--rerender]"),
                List.of("site", "rebiuld"), List.of("expected 'rebuild', not 'rebiuld'", "usage: ./despatch site rebuild [--rerender]"),
                List.of("subscribers", "export"), List.of("missing LIST", "usage: ./despatch subscribers export LIST [--out FILE]"),
                List.of("subscribers", "export", "newsletter", "--out"), List.of("--out needs a value",
                        "usage: ./despatch subscribers export LIST [--out FILE]"),
                List.of("subscribers", "export", "newsletter", "press"), List.of("unexpected argument 'press'",
                        "usage: ./despatch subscribers export LIST [--out FILE]"),
                List.of("serve", "--port", "80x"), List.of("--port takes a port number from 1 to 65535, not '80x'",
                        "usage: ./despatch serve [--port N]"),
                List.of("serve", "--port", "70000"), List.of("--port takes a port number from 1 to 65535, not '70000'",
                        "usage: ./despatch serve [--port N]"),
                List.of("serve", "8080"), List.of("unexpected argument '8080'", "usage: ./despatch serve [--port N]"),
                List.of("campaign"), List.of("missing the campaign's ID", "usage: ./despatch campaign ID"),
                List.of("cancel", "a", "b"), List.of("unexpected argument 'b'", "usage: ./despatch cancel ID"),
                List.of("campaigns", "all"), List.of("unexpected argument 'all'", "usage: ./despatch campaigns"),
                List.of("demo", "samples"), List.of("unexpected argument 'samples'", "usage: ./despatch demo"),
                List.of("up", "--port", "9000"), List.of("unexpected argument '--port'", "usage: ./despatch up"));
        for (int i = 0; i < cases.size(); i += 2) {
            List<String> args = cases.get(i);
            Outcome outcome = run(args.toArray(String[]::new));
            assertEquals(2, outcome.status(), args.toString());
            List<String> lines = outcome.err().lines().toList();
            assertTrue(lines.getFirst().startsWith("despatch: " + cases.get(i + 1).getFirst()), args + " said: " + outcome.err());
            assertEquals(List.of(cases.get(i + 1).get(1)), lines.subList(1, lines.size()), args.toString());
        }
    }

    @Test
    void aCommandThatNeedsTheStackAsksTheLauncherForItOnlyOnceItsArgumentsAreRight() throws Exception {
        Files.writeString(folder.resolve("people.csv"), "email\n");
        Files.writeString(folder.resolve("article.md"), "# Title\n");
        List<List<String>> needStack = new ArrayList<>(List.of(List.of("demo"), List.of("publish", "article.md"),
                List.of("import", "people.csv"), List.of("site", "rebuild"), List.of("subscribers", "export", "newsletter"),
                List.of("test-send", "article.md"), List.of("campaigns"), List.of("start", "article-1")));
        for (List<String> args : needStack) {
            Outcome outcome = run(args.toArray(String[]::new));
            assertEquals(LocalRunner.NEEDS_STACK, outcome.status(), args.toString());
            assertEquals("", outcome.err(), args.toString());
        }
    }

    @Test
    void relativePathsAreTheCallersAndAnOptionMayComeFirst() throws Exception {
        Files.createDirectories(folder.resolve("drafts"));
        Files.writeString(folder.resolve("drafts/article.md"), "# Title\n");
        assertEquals(LocalRunner.NEEDS_STACK, run("publish", "drafts/article.md").status());
        assertEquals(LocalRunner.NEEDS_STACK, run("subscribers", "--out", "list.csv", "export", "press").status());
    }
}
