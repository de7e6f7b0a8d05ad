package despatch.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
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
 * this one call, so the local stack answers it itself, as it does Secrets Manager's. Time is the
 * stack's clock: a schedule fires when real time reaches it, or at once when a test moves the clock
 * past it ({@link #fireDue}).
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
    private final Clock clock;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

    /** What a one-time schedule sends, where, and when. */
    private record Schedule(Instant at, String queueUrl, String input) {
    }

    private SchedulerEmulator(HttpServer server, CloudFormationTemplate template, SqsClient sqs, Clock clock) {
        this.server = server;
        this.template = template;
        this.sqs = sqs;
        this.clock = clock;
    }

    /** @param template resolved with the local SQS endpoint, so queue ARNs map to reachable URLs */
    static SchedulerEmulator start(CloudFormationTemplate template, SqsClient sqs, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SchedulerEmulator emulator = new SchedulerEmulator(server, template, sqs, clock);
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
            Schedule schedule = new Schedule(when, queueUrl.get(), request.path("Target").path("Input").asText());
            if (schedules.putIfAbsent(name, schedule) != null) {
                error(exchange, 409, "ConflictException", "Schedule " + name + " already exists.");
                return;
            }
            long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
            timers.schedule(() -> fire(name), delay, TimeUnit.MILLISECONDS);
            reply(exchange, 200, Map.of("ScheduleArn", "arn:aws:scheduler:" + template.stack().region() + ":"
                    + template.stack().accountId() + ":schedule/default/" + name));
        }
    }

    /** Sends every schedule whose time the clock has reached; returns once they are on their queues. */
    void fireDue() {
        Instant now = clock.instant();
        schedules.forEach((name, schedule) -> {
            if (!schedule.at().isAfter(now)) {
                fire(name);
            }
        });
    }

    /** Sends a schedule's input once, whether its timer or {@link #fireDue} gets there first. */
    private void fire(String name) {
        Schedule schedule = schedules.remove(name); // ActionAfterCompletion DELETE
        if (schedule != null) {
            sqs.sendMessage(send -> send.queueUrl(schedule.queueUrl()).messageBody(schedule.input()));
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
