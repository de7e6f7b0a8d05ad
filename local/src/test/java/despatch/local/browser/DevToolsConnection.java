package despatch.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Chrome DevTools Protocol over one WebSocket to the browser: commands with ids and their
 * replies, and events, optionally for one flattened target session. Just what the browser tests
 * need; no Selenium, no driver binary.
 */
public final class DevToolsConnection implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    private record Waiter(String sessionId, String method, CompletableFuture<JsonNode> event) {
    }

    private DevToolsConnection(Listener listener, WebSocket socket) {
        this.socket = socket;
        listener.connection = this;
    }

    static DevToolsConnection open(URI browserEndpoint) {
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(browserEndpoint, listener).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return new DevToolsConnection(listener, socket);
    }

    /** Sends a command and waits for its result; a protocol error becomes an exception naming the method. */
    public JsonNode send(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } finally {
            replies.remove(id);
        }
    }

    /** The next such event; call before the action that causes it, then wait on the future. */
    public CompletableFuture<JsonNode> nextEvent(String sessionId, String method) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        waiters.add(new Waiter(sessionId, method, event));
        return event.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        String session = message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null;
        for (Waiter waiter : waiters) {
            if (waiter.method().equals(method) && Objects.equals(waiter.sessionId(), session)) {
                waiters.remove(waiter);
                waiter.event().complete(message.path("params"));
                return;
            }
        }
    }

    private void closed(Throwable cause) {
        IllegalStateException gone = new IllegalStateException("The browser closed the DevTools connection", cause);
        replies.values().forEach(reply -> reply.completeExceptionally(gone));
        waiters.forEach(waiter -> waiter.event().completeExceptionally(gone));
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins fragmented frames into whole messages. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile DevToolsConnection connection;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (connection != null) {
                    connection.received(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (connection != null) {
                connection.closed(null);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (connection != null) {
                connection.closed(error);
            }
        }
    }
}
