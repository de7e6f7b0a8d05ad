package despatch.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * EventBridge Scheduler's CreateSchedule over its real REST-JSON protocol, for one-time
 * {@code at(...)} schedules with an SQS target: at the time, the target's Input is sent to the
 * queue. No open-source emulator of EventBridge Scheduler runs here, and the functions make only
 * this one call, so the local stack answers it itself, as it does Secrets Manager's.
 */
final class SchedulerEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/schedules/([0-9A-Za-z_.-]{1,64})");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    private final HttpServer server;
    private final CloudFormationTemplate template;
    private final SqsClient sqs;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Instant> schedules = new ConcurrentHashMap<>();

    private SchedulerEmulator(HttpServer server, CloudFormationTemplate template, SqsClient sqs) {
        this.server = server;
        this.template = template;
        this.sqs = sqs;
    }

    /** @param template resolved with the local SQS endpoint, so queue ARNs map to reachable URLs */
    static SchedulerEmulator start(CloudFormationTemplate template, SqsClient sqs) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SchedulerEmulator emulator = new SchedulerEmulator(server, template, sqs);
            server.createContext("/", emulator::answer);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local EventBridge Scheduler", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
                error(exchange, 400, "ValidationException", "Only CreateSchedule is served locally");
                return;
            }
            String name = path.group(1);
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            Matcher at = AT.matcher(request.path("ScheduleExpression").asText());
            Optional<String> queueUrl = queueUrl(request.path("Target").path("Arn").asText());
            if (!at.matches() || queueUrl.isEmpty()) {
                error(exchange, 400, "ValidationException", "Locally: one-time at(...) schedules with one of the template's queues as target");
                return;
            }
            Instant when = LocalDateTime.parse(at.group(1)).toInstant(ZoneOffset.UTC);
            if (schedules.putIfAbsent(name, when) != null) {
                error(exchange, 409, "ConflictException", "Schedule " + name + " already exists.");
                return;
            }
            String input = request.path("Target").path("Input").asText();
            long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
            timers.schedule(() -> {
                sqs.sendMessage(send -> send.queueUrl(queueUrl.get()).messageBody(input));
                schedules.remove(name); // ActionAfterCompletion DELETE
            }, delay, TimeUnit.MILLISECONDS);
            reply(exchange, 200, Map.of("ScheduleArn", "arn:aws:scheduler:" + template.stack().region() + ":"
                    + template.stack().accountId() + ":schedule/default/" + name));
        }
    }

    private Optional<String> queueUrl(String arn) {
        return template.resourcesOfType("AWS::SQS::Queue").stream()
                .filter(queue -> template.getAtt(queue.logicalId(), "Arn").equals(arn))
                .map(queue -> template.ref(queue.logicalId()))
                .findFirst();
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        reply(exchange, status, Map.of("Message", message));
    }

    private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        server.stop(0);
    }
}
