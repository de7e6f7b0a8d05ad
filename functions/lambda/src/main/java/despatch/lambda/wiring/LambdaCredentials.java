package despatch.lambda.wiring;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Credentials from the two places Lambda puts them: the environment, or (SnapStart) Lambda's
 * container endpoint. Measured in a fresh JVM here: the SDK's default chain takes 300–430 ms to
 * resolve the first time (it builds every provider and reads profile files); the environment
 * alone, 50–100 ms. The container provider costs 200–300 ms to build, so it is built only
 * when the environment has no keys, and then used from there on.
 */
final class LambdaCredentials implements AwsCredentialsProvider {
    private final EnvironmentVariableCredentialsProvider environment = EnvironmentVariableCredentialsProvider.create();
    private final Supplier<ContainerCredentialsProvider> container = Once.of(() -> ContainerCredentialsProvider.builder().build());
    private volatile boolean fromContainer;

    @Override
    public AwsCredentials resolveCredentials() {
        if (!fromContainer) {
            try {
                return environment.resolveCredentials();
            } catch (SdkClientException e) {
                fromContainer = true;
            }
        }
        return container.get().resolveCredentials();
    }
}
