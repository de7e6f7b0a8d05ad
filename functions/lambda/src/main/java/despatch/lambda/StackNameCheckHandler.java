package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.deploy.StackNameCheck;
import despatch.lambda.aws.AwsExistingResources;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * StackNameCheckFunction: the template's custom resource StackNameCheck, made before the buckets
 * and named queues, so that a stack name S3 cannot take, or the leftovers of an earlier stack of
 * the same name, stop the deployment at its first step with a message that says what to do (see
 * {@link StackNameCheck}). A stack made before the check existed gets it as a new resource (a
 * Create) in an update: its own buckets and queues carry its stack id, and pass. It answers CloudFormation by a PUT to the event's presigned URL, always:
 * a check that cannot be made fails the step with that reason, never leaves it waiting an hour.
 */
public class StackNameCheckHandler implements RequestHandler<CloudFormationCustomResourceEvent, String> {
    /** One resource, whatever the stack: an update never replaces it. */
    static final String PHYSICAL_ID = "despatch-stack-name-check";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackNameCheck check;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonLog log = new JsonLog(System.out);

    /** Clients only: it runs before the site exists, so it has no site address, and no office is built. */
    public StackNameCheckHandler() {
        this(AwsClients.forFunction(Setting.Function.StackNameCheckFunction));
    }

    public StackNameCheckHandler(AwsClients aws) {
        this.check = new StackNameCheck(new AwsExistingResources(aws.s3().get(), aws.sqs().get()));
    }

    @Override
    public String handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        Optional<String> problem;
        try {
            problem = "Create".equals(event.getRequestType()) ? check.problem(String.valueOf(event.getResourceProperties().get("StackName")),
                    event.getStackId(), names(event, "Buckets"), names(event, "Queues")) : Optional.empty();
        } catch (RuntimeException e) {
            problem = Optional.of("The stack's name could not be checked (" + e.getClass().getSimpleName() + "); deploy again in a minute.");
        }
        String status = problem.isPresent() ? "FAILED" : "SUCCESS";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestType", event.getRequestType());
        fields.put("status", status);
        log.info("stack-name-check", fields);
        respond(event, status, problem.orElse("The stack's name makes valid bucket names, and nothing is left over from an earlier stack."));
        return status;
    }

    private static List<String> names(CloudFormationCustomResourceEvent event, String property) {
        Object value = event.getResourceProperties().get(property);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private void respond(CloudFormationCustomResourceEvent event, String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason);
        body.put("PhysicalResourceId", event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : PHYSICAL_ID);
        body.put("StackId", event.getStackId());
        body.put("RequestId", event.getRequestId());
        body.put("LogicalResourceId", event.getLogicalResourceId());
        try {
            // The URL is presigned for a PUT without a Content-Type: none is sent.
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(event.getResponseUrl())).timeout(Duration.ofSeconds(20))
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("CloudFormation's response URL answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
