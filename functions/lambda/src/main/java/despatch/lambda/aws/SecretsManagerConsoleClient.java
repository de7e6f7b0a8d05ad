package despatch.lambda.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The console's app client at the identity provider, as CloudFormation writes it into Secrets
 * Manager: {@code {"clientId": "...", "clientSecret": "..."}}. Neither is in the function's
 * environment: the id would close a circle of references in the template, and the secret is one.
 */
public record SecretsManagerConsoleClient(String clientId, String clientSecret) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SecretsManagerConsoleClient read(SecretsManagerClient secrets, String secretId) {
        String value = secrets.getSecretValue(get -> get.secretId(secretId)).secretString();
        try {
            JsonNode json = JSON.readTree(value == null ? "" : value);
            String clientId = json == null ? "" : json.path("clientId").asText("");
            String clientSecret = json == null ? "" : json.path("clientSecret").asText("");
            if (clientId.isBlank()) {
                throw new IllegalStateException("The secret " + secretId + " names no clientId");
            }
            return new SecretsManagerConsoleClient(clientId, clientSecret);
        } catch (IOException e) {
            throw new IllegalStateException("The secret " + secretId + " is not the JSON CloudFormation writes (clientId, clientSecret)");
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "SecretsManagerConsoleClient[" + clientId + "]";
    }
}
