package despatch.lambda.aws;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the token signing secret from Secrets Manager, once per container. CloudFormation
 * generates the value (GenerateSecretString), so it exists in no file, template or repository.
 */
public final class SecretsManagerSigningSecret {
    private SecretsManagerSigningSecret() {
    }

    public static byte[] read(SecretsManagerClient secrets, String secretArn) {
        String value = secrets.getSecretValue(get -> get.secretId(secretArn)).secretString();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The signing secret " + secretArn + " is empty; it must hold at least 32 characters");
        }
        return value.strip().getBytes(StandardCharsets.UTF_8);
    }
}
