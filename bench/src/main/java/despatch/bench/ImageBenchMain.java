package despatch.bench;

import com.sun.management.OperatingSystemMXBean;
import despatch.image.ImageInfo;
import despatch.image.ImageRejectedException;
import despatch.image.Images;
import despatch.image.ProcessedImage;
import despatch.image.Rendition;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time and heap to publish one phone photo ({@link PhonePhoto}: 12 megapixels, EXIF, Display P3):
 * {@code Images.inspect} then {@code Images.process} at widths 640 and 1280 with the social card, N
 * times in this JVM, then N times in a child JVM for each Lambda memory setting, to show which is enough.
 *
 * <p>What a child gets, and why:
 * <ul>
 * <li>{@code -XX:MaxHeapSize} = 85% of the function's memory: what Lambda's Java runtime passes
 *     (445645k for 512 MB); the rest is metaspace, code cache, thread stacks and native buffers.
 *     That is 435, 652 and 870 MB, a little more than "memory minus 100 MB" for 512 and 768.</li>
 * <li>{@code -XX:+UseSerialGC}, as the runtime sets, and template.yaml's JAVA_TOOL_OPTIONS (C1 only).</li>
 * <li>{@code -XX:ActiveProcessorCount=1}: below 1,769 MB a function gets less than one vCPU's time,
 *     so one core is the honest model for all three settings. Lambda also slows the core in proportion
 *     to memory, which a local run cannot; the "Lambda est." column scales the measured CPU time by
 *     1769 / memory to estimate it (CPU-bound work, one thread).</li>
 * </ul>
 * A 64 MB heap is run too, not a Lambda setting but a headroom check: the work fits in it (48 MB
 * does not), so every setting above has several times what it needs.
 *
 * <p>Peak heap is the sum of each heap pool's peak since a reset made after a full GC: an upper bound
 * (pools peak at different moments), and eden's peak is what was allocated before a collection was
 * needed, not what was live. "Allocated" is what this thread allocated per run, which drives GC.
 *
 * <p>Options: {@code --runs=N} (default 7). Internal: {@code --child PHOTO RUNS}.
 */
public final class ImageBenchMain {
    private static final List<Integer> WIDTHS = List.of(640, 1280);
    private static final int DEFAULT_RUNS = 7;
    private static final String RESULT = "IMAGE-BENCH-RESULT";
    private static final long CHILD_TIMEOUT_MINUTES = 10;
    private static final double MB = 1024 * 1024;

    private record Setting(String name, int heapMb, int lambdaMemoryMb) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("Lambda 512 MB", 435, 512),
            new Setting("Lambda 768 MB", 652, 768),
            new Setting("Lambda 1024 MB", 870, 1024),
            new Setting("headroom check", 64, 0));

    private ImageBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--child")) {
            child(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int runs = Arrays.stream(args).filter(a -> a.startsWith("--runs=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--runs=".length()))).orElse(DEFAULT_RUNS);
        String machine = MachineLoad.describe();
        byte[] photo = PhonePhoto.jpeg();
        ImageInfo info = Images.inspect(photo);
        LambdaJvmFlags flags = lambdaFlags();
        System.out.printf(Locale.ROOT, "%nDespatch image benchmark: a %d × %d phone JPEG (%.2f MB, EXIF orientation 6 and GPS, Display P3)"
                        + " shown as %d × %d; inspect + process at widths %s + the card; %d runs each%n",
                PhonePhoto.WIDTH, PhonePhoto.HEIGHT, photo.length / MB, info.width(), info.height(), WIDTHS, runs);
        System.out.printf("Java %s; children: -XX:+UseSerialGC %s [%s] -XX:ActiveProcessorCount=1%nmachine before the run: %s%n%n",
                Runtime.version(), flags.options(), flags.source(), machine);
        System.out.printf("%-16s %6s %4s %8s %18s %8s %11s %10s %10s %9s%n", "JVM", "heap", "cpus", "first ms", "median ms (min–max)",
                "CPU ms", "Lambda est.", "peak heap", "allocated", "bytes out");
        print("this JVM", Runtime.getRuntime().maxMemory() / MB, Runtime.getRuntime().availableProcessors(), 0, measure(photo, runs));

        Path file = Files.createTempFile("despatch-phone-", ".jpg");
        try {
            Files.write(file, photo);
            for (Setting setting : SETTINGS) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:MaxHeapSize=" + setting.heapMb() + "m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-Djava.awt.headless=true"));
                command.addAll(flags.asList());
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), ImageBenchMain.class.getName(), "--child",
                        file.toString(), Integer.toString(runs)));
                String outcome = runChild(command);
                if (outcome.startsWith(RESULT)) {
                    print(setting.name(), setting.heapMb(), 1, setting.lambdaMemoryMb(), Figures.parse(outcome.substring(RESULT.length() + 1)));
                } else {
                    System.out.printf("%-16s %5dM    1  %s%n", setting.name(), setting.heapMb(), outcome);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** template.yaml's flags when run inside the repository (as ./despatch does), else the runtime's usual ones. */
    private static LambdaJvmFlags lambdaFlags() {
        try {
            return LambdaJvmFlags.read(RepoPaths.find().template());
        } catch (IllegalStateException outsideRepository) {
            return new LambdaJvmFlags(LambdaJvmFlags.FALLBACK, "fallback: not run inside the repository");
        }
    }

    private static void child(Path photo, int runs) throws IOException {
        byte[] bytes = Files.readAllBytes(photo);
        try {
            System.out.println(RESULT + " " + measure(bytes, runs).encode());
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError: " + e.getMessage());
        }
    }

    private static String runChild(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("despatch-image-bench-", ".log");
        try {
            // Output to a file, not a pipe: no reader thread here competing with the child.
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "did not finish within " + CHILD_TIMEOUT_MINUTES + " minutes";
            }
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(line -> line.startsWith(RESULT) || line.startsWith("OutOfMemoryError")).findFirst()
                    .orElse("exited with " + process.exitValue() + ": " + String.join(" | ", lines));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Figures measure(byte[] photo, int runs) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] wallMs = new double[runs];
        double[] cpuMs = new double[runs];
        long peakHeap = 0;
        long allocated = 0;
        long written = 0;
        for (int run = 0; run < runs; run++) {
            System.gc(); // a clean start, so each run's peak is its own
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            ProcessedImage processed = publish(photo);
            wallMs[run] = (System.nanoTime() - start) / 1e6;
            cpuMs[run] = (os.getProcessCpuTime() - cpuBefore) / 1e6;
            allocated = Math.max(allocated, threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
            peakHeap = Math.max(peakHeap, heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
            written = processed.card().bytes().length + processed.renditions().stream().mapToLong(r -> r.bytes().length).sum();
        }
        System.gc();
        return new Figures(wallMs[0], median(wallMs), Arrays.stream(wallMs).min().orElseThrow(), Arrays.stream(wallMs).max().orElseThrow(),
                median(cpuMs), peakHeap / MB, allocated / MB, written);
    }

    private static ProcessedImage publish(byte[] photo) {
        try {
            ImageInfo info = Images.inspect(photo);
            return Images.process(photo, info, WIDTHS);
        } catch (ImageRejectedException e) {
            throw new IllegalStateException("the sample photo was refused: " + e.getMessage(), e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void print(String name, double heapMb, int cpus, int lambdaMemoryMb, Figures figures) {
        String estimate = lambdaMemoryMb == 0 ? "" : String.format(Locale.ROOT, "%.0f", figures.cpuMs() * 1769 / lambdaMemoryMb);
        System.out.printf(Locale.ROOT, "%-16s %5.0fM %4d %8.0f %7.0f (%4.0f–%4.0f) %8.0f %11s %8.1f M %8.1f M %9d%n", name, heapMb, cpus,
                figures.firstMs(), figures.medianMs(), figures.minMs(), figures.maxMs(), figures.cpuMs(), estimate, figures.peakHeapMb(),
                figures.allocatedMb(), figures.bytesWritten());
    }

    /** One JVM's results, on one line so a child can hand them back through its output. */
    private record Figures(double firstMs, double medianMs, double minMs, double maxMs, double cpuMs, double peakHeapMb, double allocatedMb,
                           long bytesWritten) {
        String encode() {
            return String.format(Locale.ROOT, "%f %f %f %f %f %f %f %d", firstMs, medianMs, minMs, maxMs, cpuMs, peakHeapMb, allocatedMb,
                    bytesWritten);
        }

        static Figures parse(String line) {
            String[] f = line.strip().split(" ");
            return new Figures(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]));
        }
    }
}
