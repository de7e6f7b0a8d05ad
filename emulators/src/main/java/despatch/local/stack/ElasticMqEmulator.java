package despatch.local.stack;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** SQS in this JVM (ElasticMQ), in memory: queues are re-created from the template on every start. */
final class ElasticMqEmulator implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ElasticMqEmulator(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static ElasticMqEmulator start(StackIdentity stack) {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withDynamicPort()
                // Queue ARNs then match the ones the template resolves to (RedrivePolicy uses them).
                .withAWSRegion(stack.region())
                .withAWSAccountId(stack.accountId())
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqEmulator(server, port);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stopAndWait();
    }
}
