package despatch.local.stack;

import java.util.Objects;

/**
 * What CloudFormation's pseudo parameters ({@code AWS::StackName}, {@code AWS::Region},
 * {@code AWS::AccountId}) stand for when a template is resolved outside CloudFormation.
 */
public record StackIdentity(String stackName, String region, String accountId) {

    /** The local stack: ElasticMQ and the SES emulator also use this account id by default. */
    public static final StackIdentity LOCAL = new StackIdentity("despatch-local", "eu-west-2", "000000000000");

    public StackIdentity {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        if (!stackName.matches("[a-z][a-z0-9-]{0,40}")) {
            // Bucket names are built from the stack name, and they must be lower case and short.
            throw new IllegalArgumentException("Stack name must be lower case letters, digits and -, at most 41 characters: " + stackName);
        }
    }

    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    public String urlSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}
