package despatch.local;

import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.PublishingFactory;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.ProjectRoot;
import despatch.publish.Preview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * ./despatch preview FILE --out DIR: renders exactly what publishing would, with no AWS at all.
 * The office settings are template.yaml's parameter defaults, overridden by the environment.
 */
final class PreviewCommand {
    private PreviewCommand() {
    }

    static int run(Path file, Path out) throws IOException {
        Settings settings = Settings.from(environment(), Setting.Function.PreviewFunction);
        // Read as an upload would be, so the images in the folder beside it (bus.images/ for bus.md) are shown too.
        Preview preview = PublishingFactory.offlinePreviewService(settings.office(), Clock.systemUTC(),
                new LocalFolderUploads(file.toAbsolutePath().getParent())).previewUpload(LocalFolderUploads.keyOf(file));
        if (!preview.accepted()) {
            System.out.println("Rejected: " + file);
            preview.problems().forEach(problem -> System.out.println("  - " + problem));
            return 1;
        }
        Files.createDirectories(out);
        write(out.resolve("email.html"), preview.rendered().emailHtml());
        write(out.resolve("email.txt"), preview.rendered().emailText());
        write(out.resolve("web.html"), preview.rendered().webHtml());
        System.out.println("Subject:   " + preview.rendered().subject());
        System.out.println("Preheader: " + preview.rendered().preheader());
        System.out.println("Web page:  " + out.resolve("web.html").toAbsolutePath());
        System.out.println("Email:     " + out.resolve("email.html").toAbsolutePath() + " (and email.txt)");
        preview.warnings().forEach(warning -> System.out.println("Warning:   " + warning));
        return 0;
    }

    private static Map<String, String> environment() {
        Path template = ProjectRoot.find().resolve("template.yaml");
        // No site is deployed for a preview: its links show the office's example address, not a made-up CloudFront one.
        Map<String, String> environment = new HashMap<>(CloudFormationTemplate.load(template, despatch.local.stack.StackIdentity.LOCAL,
                Map.of("SiteBaseUrl", "https://news.example.org.uk")).environmentFor("PreviewFunction"));
        for (Setting setting : Setting.values()) {
            String value = System.getenv(setting.name());
            if (value != null) {
                environment.put(setting.name(), value);
            }
        }
        return environment;
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
