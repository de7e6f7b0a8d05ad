package despatch.local.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS services Despatch uses, emulated on loopback with their real wire protocols: S3
 * (S3Proxy) and SQS (ElasticMQ) in this JVM, DynamoDB (dynalite) and SES v2 (aws-ses-v2-local) as
 * node child processes. On start it creates every bucket, table and queue template.yaml declares,
 * named as the template names them for {@link StackIdentity#LOCAL}.
 *
 * <p>Handlers need no local code paths: {@link #environmentFor} gives each function the
 * environment SAM would give it plus {@code AWS_ENDPOINT_URL_*} variables, which the SDK reads.
 */
public final class LocalAwsStack implements AutoCloseable {

    private final CloudFormationTemplate template;
    private final Path stateDir;
    private final S3Service s3;
    private final SqsService sqs;
    private final NodeServices node;
    private final SesStore sesStore;
    private final SecretsService secrets;
    private final Path projectRoot;
    private final LocalIdentityProvider.Settings identityProviderSettings;
    private IdentityProviderEmulator identityProvider;
    private final StackClock clock = new StackClock();
    private static LocalAwsStack shared;
    private SchedulerEmulator scheduler;
    private CloudFrontEmulator cloudFront;
    private software.amazon.awssdk.services.cloudfront.CloudFrontClient cloudFrontClient;
    private software.amazon.awssdk.services.scheduler.SchedulerClient schedulerClient;
    private Duration startupTime = Duration.ZERO;
    private boolean closed;

    private LocalAwsStack(CloudFormationTemplate template, Path projectRoot, Path stateDir, S3Service s3, SqsService sqs,
            NodeServices node, SecretsService secrets, LocalIdentityProvider.Settings identityProviderSettings) {
        this.template = template;
        this.identityProviderSettings = identityProviderSettings;
        this.projectRoot = projectRoot;
        this.secrets = secrets;
        this.stateDir = stateDir;
        this.s3 = s3;
        this.sqs = sqs;
        this.node = node;
        this.sesStore = new SesStore(sesEndpoint());
    }

    /** Each emulator with the client pointed at it: they are started, and closed, together. */
    private record S3Service(S3ProxyEmulator emulator, S3Client client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            emulator.close();
        }
    }

    private record SqsService(ElasticMqEmulator emulator, SqsClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            emulator.close();
        }
    }

    private record SecretsService(SecretsManagerEmulator emulator, SecretsManagerClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            emulator.close();
        }
    }

    private record NodeServices(NodeEmulators emulators, DynamoDbClient dynamoDb, SesV2Client sesV2) implements AutoCloseable {
        @Override
        public void close() {
            dynamoDb.close();
            sesV2.close();
            emulators.close();
        }
    }

    /** A throwaway stack: data in memory, gone on close. */
    public static LocalAwsStack start() {
        return builder().start();
    }

    /**
     * One in-memory stack for the tests of this JVM that can share one: started on first use,
     * stopped when the JVM exits. Tests that share it write under their own keys and addresses.
     */
    public static synchronized LocalAwsStack shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "despatch-shared-stack-shutdown"));
        }
        return shared;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path projectRoot;
        private Path stateDir;
        private StackIdentity stack = StackIdentity.LOCAL;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private SesAccountQuota sesQuota = SesAccountQuota.NEW_PRODUCTION_ACCOUNT;

        private Builder() {
        }

        /** The folder holding template.yaml and local/; found from the working directory by default. */
        public Builder projectRoot(Path projectRoot) {
            this.projectRoot = projectRoot;
            return this;
        }

        /** Keep S3 objects (as plain files) and DynamoDB data here across restarts; null for in-memory. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir == null ? null : stateDir.toAbsolutePath();
            return this;
        }

        public Builder stack(StackIdentity stack) {
            this.stack = stack;
            return this;
        }

        /** A template parameter value instead of its default. */
        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** What SES's GetAccount reports instead of a new production account's 14 a second and 50,000 a day. */
        public Builder sesQuota(SesAccountQuota sesQuota) {
            this.sesQuota = sesQuota;
            return this;
        }

        public LocalAwsStack start() {
            Path root = projectRoot != null ? projectRoot : ProjectRoot.find();
            CloudFormationTemplate template = CloudFormationTemplate.load(root.resolve("template.yaml"), stack, parameters);
            return LocalAwsStack.start(root, template, stateDir, sesQuota);
        }
    }

    /**
     * Each service is started, given a client and filled with the template's resources on its own
     * virtual thread, so one service's SDK warm-up overlaps another's start (ElasticMQ's takes
     * longest). The executor's close() waits for every task, so on failure the catch below sees
     * everything that did start.
     */
    private static LocalAwsStack start(Path projectRoot, CloudFormationTemplate template, Path stateDir, SesAccountQuota sesQuota) {
        long started = System.nanoTime();
        // Made up now, though the provider starts only when first asked for: the app client's
        // secret is part of a secret the template writes, which Secrets Manager serves from the start.
        LocalIdentityProvider.Settings identityProviderSettings = LocalIdentityProvider.Settings.fresh();
        CloudFormationTemplate declared = template.withIdentityProvider(identityProviderSettings);
        AwsClients clients = new AwsClients(declared.stack().region(), S3ProxyEmulator.ACCESS_KEY_ID, S3ProxyEmulator.SECRET_ACCESS_KEY);
        List<AutoCloseable> startedSoFar = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<S3Service> s3;
        CompletableFuture<SqsService> sqs;
        CompletableFuture<NodeServices> node;
        CompletableFuture<CloudFormationTemplate> resolved;
        SecretsService secrets;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            s3 = CompletableFuture.supplyAsync(() -> {
                S3ProxyEmulator emulator = keep(startedSoFar, S3ProxyEmulator.start(stateDir));
                S3Service service = keep(startedSoFar, new S3Service(emulator, clients.s3(emulator.endpoint())));
                new StackResources(declared).createBuckets(service.client());
                return service;
            }, executor);
            sqs = CompletableFuture.supplyAsync(() -> {
                ElasticMqEmulator emulator = keep(startedSoFar, ElasticMqEmulator.start(declared.stack()));
                return keep(startedSoFar, new SqsService(emulator, clients.sqs(emulator.endpoint())));
            }, executor);
            // Queue URLs are only known once ElasticMQ has its port.
            resolved = sqs.thenApply(service -> declared.withSqsEndpoint(service.emulator().endpoint()));
            CompletableFuture<Void> queues = sqs.thenAcceptBothAsync(resolved,
                    (service, withQueues) -> new StackResources(withQueues).createQueues(service.client()), executor);
            node = CompletableFuture.supplyAsync(() -> {
                NodeEmulators emulators = keep(startedSoFar, NodeEmulators.start(NodeModules.ofProject(projectRoot), stateDir, sesQuota));
                NodeServices services = keep(startedSoFar, new NodeServices(emulators,
                        clients.dynamoDb(emulators.dynamoDb().endpoint()), clients.sesV2(emulators.ses().endpoint())));
                new StackResources(declared).createTables(services.dynamoDb());
                return services;
            }, executor);
            SecretsManagerEmulator secretsEmulator = keep(startedSoFar, SecretsManagerEmulator.start(declared, stateDir));
            secrets = keep(startedSoFar, new SecretsService(secretsEmulator, clients.secretsManager(secretsEmulator.endpoint())));
            CompletableFuture.allOf(s3, sqs, node, queues).join();
        } catch (CompletionException e) {
            closeAll(startedSoFar);
            throw unwrap(e);
        }
        LocalAwsStack stack = new LocalAwsStack(resolved.join(), projectRoot, stateDir, s3.join(), sqs.join(), node.join(), secrets,
                identityProviderSettings);
        stack.scheduler = SchedulerEmulator.start(resolved.join(), sqs.join().client(), stack.clock);
        stack.cloudFront = CloudFrontEmulator.start();
        stack.startupTime = Duration.ofNanos(System.nanoTime() - started);
        return stack;
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    /** The template as this stack resolves it (queue URLs point at the local SQS). */
    public CloudFormationTemplate template() {
        return template;
    }

    public URI s3Endpoint() {
        return s3.emulator().endpoint();
    }

    public URI dynamoDbEndpoint() {
        return node.emulators().dynamoDb().endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.emulator().endpoint();
    }

    public URI sesEndpoint() {
        return node.emulators().ses().endpoint();
    }

    public S3Client s3() {
        return s3.client();
    }

    public DynamoDbClient dynamoDb() {
        return node.dynamoDb();
    }

    public SqsClient sqs() {
        return sqs.client();
    }

    public SesV2Client sesV2() {
        return node.sesV2();
    }

    public SecretsManagerClient secretsManager() {
        return secrets.client();
    }

    /** A client for the local EventBridge Scheduler, made on first use. */
    public synchronized software.amazon.awssdk.services.scheduler.SchedulerClient scheduler() {
        if (schedulerClient == null) {
            schedulerClient = new AwsClients(template.stack().region(), S3ProxyEmulator.ACCESS_KEY_ID, S3ProxyEmulator.SECRET_ACCESS_KEY)
                    .scheduler(schedulerEndpoint());
        }
        return schedulerClient;
    }

    /** The stack's time, for the handlers a test wires: real time, plus however far {@link #moveClockOn} moved it. */
    public Clock clock() {
        return clock;
    }

    /**
     * Moves the stack's clock on, so a test need not wait for an embargo, and fires every
     * schedule it passes: their messages are on their queues when this returns.
     */
    public void moveClockOn(Duration by) {
        clock.moveOn(by);
        scheduler.fireDue();
    }

    public synchronized software.amazon.awssdk.services.cloudfront.CloudFrontClient cloudFront() {
        if (cloudFrontClient == null) {
            cloudFrontClient = new AwsClients(template.stack().region(), S3ProxyEmulator.ACCESS_KEY_ID, S3ProxyEmulator.SECRET_ACCESS_KEY)
                    .cloudFront(cloudFront.endpoint());
        }
        return cloudFrontClient;
    }

    /** The CloudFront invalidations the site's updates asked for, oldest first. */
    public List<CloudFrontEmulator.Invalidation> cdnInvalidations() {
        return cloudFront.invalidations();
    }

    public URI schedulerEndpoint() {
        return scheduler.endpoint();
    }

    public URI secretsManagerEndpoint() {
        return secrets.emulator().endpoint();
    }

    /** Region, the key pair S3Proxy checks, every emulator's endpoint, and path-style S3. */
    public Map<String, String> awsEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", template.stack().region());
        environment.put("AWS_ACCESS_KEY_ID", S3ProxyEmulator.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyEmulator.SECRET_ACCESS_KEY);
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManagerEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SCHEDULER", schedulerEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_CLOUDFRONT", cloudFront.endpoint().toString());
        environment.put("S3_FORCE_PATH_STYLE", "true");
        return Collections.unmodifiableMap(environment);
    }

    /**
     * What the function would see deployed (template.yaml's Globals and own Environment, resolved
     * for this stack) plus {@link #awsEnvironment()} to reach the emulators.
     */
    public Map<String, String> environmentFor(String functionLogicalId) {
        Map<String, String> environment = new LinkedHashMap<>(template.environmentFor(functionLogicalId));
        CognitoAddresses cognito = new CognitoAddresses(template);
        if (environment.values().stream().anyMatch(cognito::names)) {
            environment.replaceAll((name, value) -> cognito.names(value) ? cognito.locally(value, identityProvider()) : value);
        }
        environment.putAll(awsEnvironment());
        return Collections.unmodifiableMap(environment);
    }

    /**
     * The OpenID provider staff sign in with here, in place of the Cognito user pool: started on
     * the first call (a second or so), with accounts and secrets made up for this stack.
     */
    public synchronized LocalIdentityProvider identityProvider() {
        if (closed) {
            throw new IllegalStateException("This stack is closed");
        }
        if (identityProvider == null) {
            identityProvider = IdentityProviderEmulator.start(NodeModules.ofProject(projectRoot), stateDir, identityProviderSettings);
        }
        return identityProvider.provider();
    }

    /** Every email the SES emulator has accepted since it started or was last cleared. */
    public List<CapturedEmail> capturedEmails() {
        return sesStore.since(Instant.EPOCH);
    }

    /** Emails accepted at or after {@code since}, to the second (the emulator's resolution). */
    public List<CapturedEmail> capturedEmailsSince(Instant since) {
        return sesStore.since(since);
    }

    public void clearCapturedEmails() {
        sesStore.clear();
    }

    /** Where an object's bytes are on disk, when the stack has a state directory. */
    public Optional<Path> filePathOf(String bucket, String key) {
        return s3.emulator().filePathOf(bucket, key);
    }

    public Optional<Path> stateDir() {
        return Optional.ofNullable(stateDir);
    }

    /** From the call to start until every resource existed. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops every emulator this stack started, node child processes included. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (schedulerClient != null) {
            schedulerClient.close();
        }
        if (cloudFrontClient != null) {
            cloudFrontClient.close();
        }
        List<AutoCloseable> running = new ArrayList<>(List.of(cloudFront, scheduler, node, sqs, s3, secrets));
        if (identityProvider != null) {
            running.add(identityProvider);
        }
        closeAll(running);
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> started, T closeable) {
        started.add(closeable);
        return closeable;
    }

    private static void closeAll(List<? extends AutoCloseable> closeables) {
        RuntimeException first = null;
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("Could not stop part of the local stack", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
