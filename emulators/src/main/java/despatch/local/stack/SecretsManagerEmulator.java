package despatch.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets Manager's GetSecretValue over its real wire protocol (JSON 1.1 with X-Amz-Target), for
 * the template's AWS::SecretsManager::Secret resources. No open-source emulator of Secrets
 * Manager runs on these machines, and the functions read only this one call, so the local stack
 * answers it itself: values are generated as GenerateSecretString would, and kept in the state
 * directory so links signed before a restart still check.
 */
final class SecretsManagerEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final HttpServer server;
    private final Map<String, String> secretsByArn;

    private SecretsManagerEmulator(HttpServer server, Map<String, String> secretsByArn) {
        this.server = server;
        this.secretsByArn = secretsByArn;
    }

    static SecretsManagerEmulator start(CloudFormationTemplate template, Path stateDir) {
        Map<String, String> secrets = secrets(template, stateDir);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SecretsManagerEmulator emulator = new SecretsManagerEmulator(server, secrets);
            server.createContext("/", emulator::answer);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local Secrets Manager", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static Map<String, String> secrets(CloudFormationTemplate template, Path stateDir) {
        Map<String, String> stored = stateDir == null ? Map.of() : load(stateDir.resolve("secrets.json"));
        Map<String, String> secrets = new LinkedHashMap<>();
        for (TemplateResource secret : template.resourcesOfType("AWS::SecretsManager::Secret")) {
            String arn = template.ref(secret.logicalId());
            Object given = secret.property("SecretString");
            // A value the template gives is what CloudFormation writes on every update; a generated one is kept.
            secrets.put(arn, given != null ? template.resolveToString(given) : stored.containsKey(arn) ? stored.get(arn) : generate(secret));
        }
        if (stateDir != null) {
            save(stateDir.resolve("secrets.json"), secrets);
        }
        return secrets;
    }

    private static String generate(TemplateResource secret) {
        int length = 32;
        if (secret.property("GenerateSecretString") instanceof Map<?, ?> generate && generate.get("PasswordLength") != null) {
            length = Integer.parseInt(String.valueOf(generate.get("PasswordLength")));
        }
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return value.toString();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!target.equals("secretsmanager.GetSecretValue")) {
                reply(exchange, 400, Map.of("__type", "UnsupportedOperation", "message", target + " is not served locally"));
                return;
            }
            String id = request.path("SecretId").asText();
            Optional<Map.Entry<String, String>> secret = secretsByArn.entrySet().stream()
                    .filter(e -> e.getKey().equals(id) || name(e.getKey()).equals(id)).findFirst();
            if (secret.isEmpty()) {
                reply(exchange, 400, Map.of("__type", "ResourceNotFoundException", "message", "Secrets Manager can't find the specified secret."));
                return;
            }
            String arn = secret.get().getKey();
            reply(exchange, 200, Map.of("ARN", arn, "Name", name(arn),
                    "SecretString", secret.get().getValue(), "VersionId", "00000000-0000-0000-0000-000000000001",
                    "VersionStages", new String[] {"AWSCURRENT"}, "CreatedDate", 0));
        }
    }

    /** The secret's name: its ARN after "secret:", without the six characters Secrets Manager adds after a hyphen. */
    private static String name(String arn) {
        String named = arn.substring(arn.indexOf(":secret:") + 8);
        return named.substring(0, named.lastIndexOf('-'));
    }

    private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load(Path file) {
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), Map.class) : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static void save(Path file, Map<String, String> secrets) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(secrets), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
