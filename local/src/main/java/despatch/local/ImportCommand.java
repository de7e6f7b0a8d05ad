package despatch.local;

import despatch.lambda.ImportHandler;
import despatch.lambda.aws.S3ImportFiles;
import despatch.lambda.wiring.Setting;
import despatch.local.serve.ServeAddress;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code ./despatch import FILE.csv}: uploads the file to the local uploads bucket under
 * imports/, runs the real ImportHandler on the S3 event that upload would send, and prints the
 * report the handler wrote beside it.
 */
public final class ImportCommand {
    private final StackConnection stack;

    public ImportCommand(StackConnection stack) {
        this.stack = stack;
    }

    /**
     * @param file a CSV whose name ends in .csv (ImportFunction's trigger is imports/*.csv)
     * @return the exit status: 0 done, 1 the import found a problem with the file
     */
    public int run(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] content = Files.readAllBytes(file);
        Map<String, String> environment = stack.environmentFor(Setting.Function.ImportFunction);
        String bucket = environment.get(Setting.UPLOADS_BUCKET.name());
        String key = "imports/" + name;
        stack.s3().putObject(put -> put.bucket(bucket).key(key).contentType("text/csv"), RequestBody.fromBytes(content));

        ImportHandler handler = new ImportHandler(stack.wiring(Setting.Function.ImportFunction,
                Map.of(Setting.PUBLIC_API_URL.name(), publicApiUrl(environment)), Clock.systemUTC()));
        List<Map<String, Object>> results = handler.handleRequest(
                S3EventFactory.forImports(ProjectRoot.find()).objectCreated(bucket, key, content.length), null);

        String reportKey = S3ImportFiles.reportKey(key);
        System.out.println();
        System.out.println("Report (s3://" + bucket + "/" + reportKey + "):");
        System.out.println();
        System.out.println(stack.s3().getObjectAsBytes(get -> get.bucket(bucket).key(reportKey)).asUtf8String().stripTrailing());
        System.out.println();
        System.out.println("Confirmation emails sent (SES emulator): " + stack.sesEndpoint().resolve("/"));
        System.out.println("Their links work while ./despatch serve runs.");
        boolean fileProblem = results.stream().anyMatch(result -> Boolean.TRUE.equals(result.get("fileProblem")));
        return fileProblem || results.isEmpty() ? 1 : 0;
    }

    /**
     * Where ./despatch serve answers for this stack: the stack's own setting when it points at this
     * machine (./despatch up sets the template's PublicApiUrl to the serve address); otherwise, as
     * with a stack started before that, the serve default, so links work locally rather than
     * pointing at a made-up API.
     */
    static String publicApiUrl(Map<String, String> environment) {
        String configured = environment.getOrDefault(Setting.PUBLIC_API_URL.name(), "");
        return configured.startsWith("http://127.0.0.1:") ? configured : new ServeAddress(ServeAddress.DEFAULT_PORT).url();
    }
}
