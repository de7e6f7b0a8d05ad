package despatch.bench;

import despatch.lambda.PreviewHandler;
import despatch.lambda.PublishHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.S3EventFactory;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A staff preview of the newsletter press officers write: a 2,000-word Word document with two
 * 12-megapixel phone photographs ({@link WordNewsletter}), through the real PreviewHandler. Cold: a
 * fresh JVM on the shaded jar with template.yaml's Lambda flags for each run, from JVM start to the
 * answered request. Warm: the same handler in this JVM, request after request, with the heap's peak
 * during each. Then the same document published through the real PublishHandler, and the bytes of
 * the images it wrote to the site.
 *
 * <p>Usage: {@code PreviewBenchMain [--runs=N]} (default 5).
 */
public final class PreviewBenchMain {
    private static final int DEFAULT_RUNS = 5;
    private static final String HANDLER = "despatch.lambda.PreviewHandler";

    private PreviewBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = List.of(args).stream().filter(arg -> arg.startsWith("--runs=")).findFirst()
                .map(arg -> Integer.parseInt(arg.substring("--runs=".length()))).orElse(DEFAULT_RUNS);
        PrintStream out = System.out;
        RepoPaths paths = RepoPaths.find();
        byte[] docx = WordNewsletter.docx();
        Path request = Files.createTempFile("despatch-preview-docx-", ".json");
        request.toFile().deleteOnExit();
        Files.writeString(request, "{\"fileName\":\"" + WordNewsletter.FILE_NAME + "\",\"bodyBase64\":\""
                + Base64.getEncoder().encodeToString(docx) + "\"}");
        out.printf(Locale.ROOT, "Despatch preview of a Word document: %s, about %,d words, two %d×%d phone photographs, %.2f MB%n",
                WordNewsletter.FILE_NAME, WordNewsletter.words(), PhonePhoto.WIDTH, PhonePhoto.HEIGHT, docx.length / 1e6);
        out.printf("machine: %d cores; %s; java %s%n", Runtime.getRuntime().availableProcessors(), MachineLoad.describe(), Runtime.version());
        try (LocalAwsStack stack = LocalAwsStack.start()) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            ColdStartEvents events = new ColdStartEvents(stack, paths);
            LambdaJvmFlags flags = LambdaJvmFlags.read(paths.template());
            String java = ProcessHandle.current().info().command().orElseThrow();
            ColdStartLauncher launcher = new ColdStartLauncher(java, paths.shadedJar(), paths, paths.runtimeJars(), flags,
                    events.environmentFor(Setting.Function.PreviewFunction));
            System.setOut(out);
            out.printf("flags:   JAVA_TOOL_OPTIONS=%s%n%n", flags.options());

            checked(launcher.run(HANDLER, request, false)); // not counted: the first start reads the JDK and the jar from disk
            List<Double> coldTotal = new ArrayList<>();
            List<Double> coldInvoke = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                ColdStartLauncher.Run run = checked(launcher.run(HANDLER, request, false));
                coldTotal.add(run.jvmToDoneMs());
                coldInvoke.add(run.invokeMs());
                out.printf(Locale.ROOT, "cold run %d: JVM start to answer %.0f ms (construct %.0f ms, request %.0f ms)%n", i, run.jvmToDoneMs(),
                        run.constructMs(), run.invokeMs());
            }

            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            PreviewHandler handler = new PreviewHandler(new CountedClients(stack, Setting.Function.PreviewFunction).wiring(Map.of()));
            byte[] json = Files.readAllBytes(request);
            preview(handler, json);
            List<Double> warm = new ArrayList<>();
            List<Double> peaks = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                preview(handler, json);
                warm.add((System.nanoTime() - start) / 1e6);
                peaks.add(peakHeapMb());
            }
            long imageBytes = publishedImageBytes(stack, docx);
            System.setOut(out);
            for (int i = 0; i < runs; i++) {
                out.printf(Locale.ROOT, "warm run %d: %.0f ms, peak heap %.0f MB%n", i + 1, warm.get(i), peaks.get(i));
            }
            out.println();
            out.printf(Locale.ROOT, "cold (fresh JVM to answer): median %.0f ms [%.0f–%.0f]; of which the request %.0f ms%n", median(coldTotal),
                    min(coldTotal), max(coldTotal), median(coldInvoke));
            out.printf(Locale.ROOT, "warm (same JVM):            median %.0f ms [%.0f–%.0f]; peak heap median %.0f MB (includes garbage not yet"
                    + " collected)%n", median(warm), min(warm), max(warm), median(peaks));
            out.printf(Locale.ROOT, "published: %,d bytes of images written to the site for the article (%.0f KB; the document's photographs"
                    + " were %.1f MB)%n", imageBytes, imageBytes / 1024.0, docx.length / 1e6);
        } finally {
            System.setOut(out);
        }
        System.exit(0);
    }

    private static ColdStartLauncher.Run checked(ColdStartLauncher.Run run) {
        if (!run.response().contains("\"accepted\":true")) {
            throw new IllegalStateException("the preview was not accepted: " + run.response().substring(0, Math.min(400, run.response().length())));
        }
        return run;
    }

    private static void preview(PreviewHandler handler, byte[] json) throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json), response, null);
        if (!response.toString(StandardCharsets.UTF_8).contains("\"accepted\":true")) {
            throw new IllegalStateException("the preview was not accepted: " + response.toString(StandardCharsets.UTF_8).substring(0, 400));
        }
    }

    /** Publishes the document through the real PublishHandler, and sums what it wrote under the article's images/. */
    private static long publishedImageBytes(LocalAwsStack stack, byte[] docx) {
        Map<String, String> environment = stack.environmentFor(Setting.Function.PublishFunction.name());
        String uploads = environment.get(Setting.UPLOADS_BUCKET.name());
        String key = "articles/" + WordNewsletter.FILE_NAME;
        stack.s3().putObject(put -> put.bucket(uploads).key(key), RequestBody.fromBytes(docx));
        PublishHandler publisher = new PublishHandler(new CountedClients(stack, Setting.Function.PublishFunction)
                .wiring(Map.of(Setting.SEND_APPROVAL.name(), "none")));
        List<Map<String, Object>> outcome = publisher.handleRequest(new S3EventFactory(ProjectRoot.find()).objectCreated(uploads, key,
                docx.length), null);
        Object slug = outcome.getFirst().get("slug");
        if (!"published".equals(outcome.getFirst().get("outcome"))) {
            throw new IllegalStateException("not published: " + outcome);
        }
        String site = environment.get(Setting.SITE_BUCKET.name());
        return stack.s3().listObjectsV2Paginator(list -> list.bucket(site).prefix("articles/" + slug + "/images/")).contents().stream()
                .mapToLong(S3Object::size).sum();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1e6;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
