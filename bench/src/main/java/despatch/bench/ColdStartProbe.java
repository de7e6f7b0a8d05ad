package despatch.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.crac.Resource;

/**
 * The child of {@link ColdStartMain}: does what a fresh Lambda container does for one function
 * (no-argument constructor, then one request) and prints how long each step took, as one line.
 * In {@code primed} mode it runs the handler's beforeCheckpoint first, as SnapStart does before
 * its snapshot, so the timed request is the first one a restored container serves.
 * Runs on the shaded jar, so class loading and static initialisation are those of the deployed artifact.
 */
public final class ColdStartProbe {
    static final String RESULT_PREFIX = "coldstart-probe";

    private ColdStartProbe() {
    }

    /** @param args handler class, event file, {@code fresh} or {@code primed}, file to write the response to */
    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        boolean primed = args[2].equals("primed");
        long mainEntered = System.currentTimeMillis();
        long start = System.nanoTime();
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        long constructed = System.nanoTime();
        if (primed && handler instanceof Resource resource) {
            resource.beforeCheckpoint(null);
        }
        long ready = System.nanoTime();
        // The Lambda runtime turns the JSON into the handler's event type before calling it: its work, timed apart.
        Object input = handler instanceof RequestStreamHandler ? null : decode(handler, event);
        long decoded = System.nanoTime();
        Object response = invoke(handler, input, event);
        long invoked = System.nanoTime();
        long done = System.currentTimeMillis();
        // Only now: loading java.management before the invocation would add to what we measure.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        byte[] json = response instanceof byte[] bytes ? bytes : new ObjectMapper().writeValueAsBytes(response);
        Files.write(Path.of(args[3]), json);
        double decodeMs = (decoded - ready) / 1e6;
        System.out.printf(Locale.ROOT, "%s jvm-to-main-ms=%d construct-ms=%.1f prime-ms=%.1f invoke-ms=%.1f jvm-to-done-ms=%.1f%n",
                RESULT_PREFIX, mainEntered - jvmStart, (constructed - start) / 1e6, (ready - constructed) / 1e6, (invoked - decoded) / 1e6,
                done - jvmStart - decodeMs);
        System.exit(0); // do not wait for SDK threads: Lambda freezes the container instead of exiting
    }

    private static Object decode(Object handler, byte[] event) {
        return LambdaEventSerializers.serializerFor(eventType(handler.getClass()), ColdStartProbe.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(event));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object invoke(Object handler, Object input, byte[] event) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), out, null); // the handlers read no Context when it is null
            return out.toByteArray();
        }
        return ((RequestHandler) handler).handleRequest(input, null);
    }

    private static Class<?> eventType(Class<?> handlerClass) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                return (Class<?>) parameterized.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(handlerClass + " is not a RequestHandler");
    }
}
