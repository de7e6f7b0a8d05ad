package despatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import despatch.lambda.PublishHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.wiring.Setting;
import despatch.local.StackWiring;
import despatch.local.stack.LocalAwsStack;
import despatch.sending.Campaign;
import despatch.subscription.Subscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A realistic first request for every function, made from the files in events/ and backed by data
 * on the local stack: each run gets an event of its own (a new article, a new address, a new
 * recipient), so no run takes a shortcut an earlier one opened (an unchanged page, a known address).
 * The articles, campaigns and send batches the events name are made by the real handlers, in this JVM.
 */
final class ColdStartEvents {
    /** One function's measure: its handler, the event for run n, and what its response must show. */
    record Case(Setting.Function function, String handlerClass, String event, IntFunction<Path> eventFor, Predicate<String> succeeded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBSCRIBERS = 200;
    /** Send takes recipients from the start of the list, Feedback bounces addresses from here on. */
    private static final int BOUNCED_FROM = 100;

    private final LocalAwsStack stack;
    private final RepoPaths paths;
    private final Path dir;
    private final List<Subscriber> people = SampleSubscribers.generate(SUBSCRIBERS);
    private final PublishHandler publisher;
    private int articles;

    ColdStartEvents(LocalAwsStack stack, RepoPaths paths) throws IOException {
        this.stack = stack;
        this.paths = paths;
        this.dir = Files.createTempDirectory("despatch-coldstart-events-");
        dir.toFile().deleteOnExit();
        this.publisher = new PublishHandler(StackWiring.publishingWithoutApproval(stack, java.time.Clock.systemUTC()));
        new DynamoDbSubscriberStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.SUBSCRIBERS_TABLE)).createAll(people);
    }

    List<Case> cases(Path previewRequest) {
        String sendCampaignSlug = publishArticle("Send");
        String sqsSample = "events/sqs-send-batch.json";
        return List.of(
                new Case(Setting.Function.PreviewFunction, "despatch.lambda.PreviewHandler", paths.root().relativize(previewRequest).toString(),
                        run -> previewRequest, response -> response.contains("\"accepted\":true")),
                // Second, while the site is small: with a few dozen articles, S3Proxy has broken off PUTs of the listings
                // ("Error writing request body to server"); not yet explained, and not seen in the tests.
                new Case(Setting.Function.SiteFunction, "despatch.lambda.SiteHandler", sqsSample + " (a new article's site change)",
                        this::siteChange, ColdStartEvents::noFailures),
                new Case(Setting.Function.SubscriptionFunction, "despatch.lambda.SubscriptionHandler", "events/api-subscribe.json",
                        this::subscribe, response -> response.matches("(?s).*\"statusCode\":[23]\\d\\d.*")),
                new Case(Setting.Function.SubscriberMailFunction, "despatch.lambda.SubscriberMailHandler",
                        "events/sqs-subscriber-request.json (a new address's subscribe)", this::subscriberMail, ColdStartEvents::noFailures),
                new Case(Setting.Function.PublishFunction, "despatch.lambda.PublishHandler", "events/s3-put-article.json",
                        this::articleUpload, response -> response.contains("\"outcome\":\"published\"")),
                new Case(Setting.Function.ImportFunction, "despatch.lambda.ImportHandler", "events/s3-put-import.json",
                        this::importUpload, response -> response.contains("\"fileProblem\":false") && response.contains("\"rejected\":0")),
                new Case(Setting.Function.FanOutFunction, "despatch.lambda.FanOutHandler", sqsSample + " (a new campaign's start)",
                        this::fanOutMessage, ColdStartEvents::noFailures),
                new Case(Setting.Function.SendFunction, "despatch.lambda.SendHandler", sqsSample + " (one recipient)",
                        run -> sendBatch(sendCampaignSlug, run), ColdStartEvents::noFailures),
                new Case(Setting.Function.FeedbackFunction, "despatch.lambda.FeedbackHandler", "events/sns-ses-bounce.json",
                        this::bounce, response -> response.contains("\"suppressed\":1")),
                new Case(Setting.Function.ConsoleFunction, "despatch.lambda.ConsoleHandler", "events/api-console.json (an approver's dashboard)",
                        this::consoleDashboard, response -> response.matches("(?s).*\"statusCode\":200.*") && response.contains("Dashboard")));
    }

    /** As deployed, except that PublishFunction publishes without approval: its cold start is timed doing the whole publish. */
    Map<String, String> environmentFor(Setting.Function function) {
        Map<String, String> environment = new java.util.HashMap<>(stack.environmentFor(function.name()));
        if (function == Setting.Function.PublishFunction) {
            environment.put(Setting.SEND_APPROVAL.name(), "none");
        }
        return environment;
    }

    private static boolean noFailures(String response) {
        return response.contains("\"batchItemFailures\":[]");
    }

    /** The sample's dashboard request, with a session sealed by the stack's own console key in place of the sample's cookie. */
    private Path consoleDashboard(int run) {
        byte[] key = SecretsManagerSigningSecret.read(stack.secretsManager(), env(Setting.Function.ConsoleFunction,
                Setting.CONSOLE_SESSION_SECRET_ARN));
        StaffSessions sessions = new StaffSessions(key, java.time.Clock.systemUTC());
        String session = sessions.cookieValue(sessions.start(new StaffIdentity("cold-start-" + run, "office.manager@example.org.uk",
                "Morgan Office Manager", StaffRole.fromGroups(List.of("approver")))));
        String sample = read("events/api-console.json").replace("v1.not-a-session-sign-in-first", session);
        return write("console-" + run + ".json", sample);
    }

    private Path subscribe(int run) {
        String ip = "203.0.113." + (run + 1);
        String sample = read("events/api-subscribe.json").replace("203.0.113.7", ip)
                .replace("constituent%40example.org.uk", "cold-start-" + run + "%40example.org.uk");
        return write("subscribe-" + run + ".json", sample);
    }

    /** The sample's subscribe request alone, for an address of its own: a confirmation is mailed. */
    private Path subscriberMail(int run) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(read("events/sqs-subscriber-request.json"));
            JsonNode subscribe = event.path("Records").get(0);
            ((ObjectNode) subscribe).put("body", subscribe.path("body").asText()
                    .replace("new-constituent@example.org.uk", "cold-start-mail-" + run + "@example.org.uk"));
            event.putArray("Records").add(subscribe);
            return write("subscriber-mail-" + run + ".json", JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path articleUpload(int run) {
        String key = "articles/cold-start-" + run + ".md";
        byte[] article = article("Publish " + run);
        stack.s3().putObject(put -> put.bucket(uploadsBucket()).key(key), RequestBody.fromBytes(article));
        return s3Event("events/s3-put-article.json", key, article.length, "article-" + run + ".json");
    }

    /** A file of 20 new people, all with consent: the common case, every row imported. */
    private Path importUpload(int run) {
        String key = "imports/cold-start-" + run + ".csv";
        byte[] csv = new String(SubscriberCsv.generate(20).bytes(), StandardCharsets.UTF_8).replace("person", "import" + run + "-")
                .getBytes(StandardCharsets.UTF_8);
        stack.s3().putObject(put -> put.bucket(uploadsBucket()).key(key), RequestBody.fromBytes(csv));
        return s3Event("events/s3-put-import.json", key, csv.length, "import-" + run + ".json");
    }

    private Path fanOutMessage(int run) {
        String campaignId = Campaign.idFor(publishArticle("Fan-out " + run));
        return sqsEvent(take(env(Setting.Function.FanOutFunction, Setting.FAN_OUT_QUEUE_URL), campaignId), "fan-out-" + run + ".json");
    }

    private Path siteChange(int run) {
        String slug = publishArticle("Site " + run);
        return sqsEvent(take(env(Setting.Function.PublishFunction, Setting.SITE_QUEUE_URL), slug), "site-" + run + ".json");
    }

    /** The sample batch, addressed to one subscriber of a campaign that is sending. */
    private Path sendBatch(String slug, int run) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(sqsSampleRecord().path("body").asText());
            Subscriber recipient = people.get(run);
            body.put("campaignId", Campaign.idFor(slug)).put("slug", slug);
            ObjectNode to = (ObjectNode) body.withArray("recipients").get(0);
            to.put("id", recipient.id()).put("email", recipient.address().forDelivery());
            return sqsEvent(JSON.writeValueAsString(body), "send-" + run + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path bounce(int run) {
        String address = people.get(BOUNCED_FROM + run).address().forDelivery();
        return write("bounce-" + run + ".json", read("events/sns-ses-bounce.json").replace("gone@example.org.uk", address));
    }

    /** Publishes a new article in this JVM (the editor's upload and PublishFunction's work, not measured); returns its slug. */
    private String publishArticle(String purpose) {
        String key = "articles/cold-start-setup-" + (++articles) + ".md";
        byte[] article = article(purpose);
        stack.s3().putObject(put -> put.bucket(uploadsBucket()).key(key), RequestBody.fromBytes(article));
        try {
            var event = com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
                    .serializerFor(com.amazonaws.services.lambda.runtime.events.S3Event.class, getClass().getClassLoader())
                    .fromJson(Files.newInputStream(s3Event("events/s3-put-article.json", key, article.length, "setup.json")));
            List<Map<String, Object>> result = publisher.handleRequest(event, null);
            if (!"published".equals(result.getFirst().get("outcome"))) {
                throw new IllegalStateException("the setup article was not published: " + result);
            }
            return (String) result.getFirst().get("slug");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** events/preview.json's article, retitled so that every run publishes a page of its own. */
    private byte[] article(String purpose) {
        try {
            String body = JSON.readTree(read("events/preview.json")).path("body").asText();
            return body.replaceFirst("(?m)^title: (.*)$", "title: $1 (cold start, " + purpose + ")").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first message on the queue that names {@code id}; the others are dropped. */
    private String take(String queueUrl, String id) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Message> messages = stack.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            String found = null;
            for (Message message : messages) {
                stack.sqs().deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                if (found == null && message.body().contains(id)) {
                    found = message.body();
                }
            }
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("no message for " + id + " on " + queueUrl);
    }

    private Path s3Event(String sample, String key, long size, String file) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(read(sample));
            ObjectNode s3 = (ObjectNode) event.path("Records").get(0).path("s3");
            ((ObjectNode) s3.path("bucket")).put("name", uploadsBucket()).put("arn", "arn:aws:s3:::" + uploadsBucket());
            ((ObjectNode) s3.path("object")).put("key", key).put("size", size);
            return write(file, JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path sqsEvent(String body, String file) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(read("events/sqs-send-batch.json"));
            ((ObjectNode) event.path("Records").get(0)).put("body", body).put("messageId", java.util.UUID.randomUUID().toString());
            return write(file, JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode sqsSampleRecord() throws IOException {
        return JSON.readTree(read("events/sqs-send-batch.json")).path("Records").get(0);
    }

    private String uploadsBucket() {
        return env(Setting.Function.PublishFunction, Setting.UPLOADS_BUCKET);
    }

    private String env(Setting.Function function, Setting setting) {
        return environmentFor(function).get(setting.name());
    }

    private String read(String file) {
        try {
            return Files.readString(paths.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
