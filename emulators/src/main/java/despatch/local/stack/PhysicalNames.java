package despatch.local.stack;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * What {@code !Ref} and {@code !GetAtt} give for a resource: its physical name, and ARNs and
 * addresses shaped as AWS shapes them. A resource without an explicit name gets a stable
 * {@code <stack>-<LogicalId>} name (CloudFormation would add a random suffix; locally a stable
 * name is easier to find).
 */
final class PhysicalNames {

    private final StackIdentity stack;
    private final Function<Object, String> resolveToString;
    private final URI sqsEndpoint;
    private final LocalIdentityProvider.Settings identityProvider;

    PhysicalNames(StackIdentity stack, Function<Object, String> resolveToString, URI sqsEndpoint,
            LocalIdentityProvider.Settings identityProvider) {
        this.stack = stack;
        this.resolveToString = resolveToString;
        this.sqsEndpoint = sqsEndpoint;
        this.identityProvider = identityProvider;
    }

    String name(TemplateResource resource) {
        String property = switch (resource.type()) {
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> "TableName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::SecretsManager::Secret", "AWS::SES::ConfigurationSet" -> "Name";
            case "AWS::Cognito::UserPoolDomain" -> "Domain";
            default -> null;
        };
        Object explicit = property == null ? null : resource.property(property);
        if (explicit != null) {
            return resolveToString.apply(explicit);
        }
        if (resource.type().equals("AWS::Cognito::UserPool")) {
            // Cognito names pools <region>_<nine characters>; the logical id stands in for those.
            return stack.region() + "_" + resource.logicalId();
        }
        String generated = stack.stackName() + "-" + resource.logicalId();
        if (resource.type().equals("AWS::S3::Bucket")) {
            return generated.toLowerCase(Locale.ROOT);
        }
        if (resource.type().equals("AWS::SQS::Queue") && Boolean.TRUE.equals(resource.property("FifoQueue"))) {
            return generated + ".fifo";
        }
        return generated;
    }

    /** {@code !Ref} of a resource. */
    Object ref(TemplateResource resource) {
        return switch (resource.type()) {
            case "AWS::SQS::Queue" -> queueUrl(name(resource));
            case "AWS::SNS::Topic" -> arn("sns", name(resource));
            // CloudFormation appends six random characters to a secret's ARN; locally they are fixed.
            case "AWS::SecretsManager::Secret" -> arn("secretsmanager", "secret:" + name(resource) + "-local0");
            case "AWS::IAM::ManagedPolicy" -> "arn:" + stack.partition() + ":iam::" + stack.accountId() + ":policy/" + name(resource);
            // Locally the app client is the local identity provider's.
            case "AWS::Cognito::UserPoolClient" -> LocalIdentityProvider.CLIENT_ID;
            default -> name(resource);
        };
    }

    /** {@code !Ref Function.Alias} and {@code !Ref Function.Version}: SAM's referenceable properties. */
    Object refOfFunctionProperty(TemplateResource function, String property, Object aliasName) {
        String functionArn = arn("lambda", "function:" + name(function));
        return switch (property) {
            case "Alias" -> functionArn + ":" + resolveToString.apply(aliasName);
            case "Version" -> functionArn + ":1";
            default -> throw new IllegalArgumentException("!Ref " + function.logicalId() + "." + property + " is not a SAM referenceable property");
        };
    }

    Object getAtt(TemplateResource resource, String attribute) {
        String name = name(resource);
        String region = stack.region();
        String suffix = stack.urlSuffix();
        Object value = switch (resource.type() + "." + attribute) {
            case "AWS::S3::Bucket.Arn" -> "arn:" + stack.partition() + ":s3:::" + name;
            case "AWS::S3::Bucket.DomainName" -> name + ".s3." + suffix;
            case "AWS::S3::Bucket.RegionalDomainName" -> name + ".s3." + region + "." + suffix;
            case "AWS::S3::Bucket.DualStackDomainName" -> name + ".s3.dualstack." + region + "." + suffix;
            case "AWS::S3::Bucket.WebsiteURL" -> "http://" + name + ".s3-website." + region + "." + suffix;
            case "AWS::DynamoDB::Table.Arn", "AWS::Serverless::SimpleTable.Arn" -> arn("dynamodb", "table/" + name);
            case "AWS::DynamoDB::Table.StreamArn" -> arn("dynamodb", "table/" + name + "/stream/1970-01-01T00:00:00.000");
            case "AWS::SQS::Queue.Arn" -> arn("sqs", name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(name);
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", name);
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + name);
            case "AWS::IAM::Role.Arn" -> "arn:" + stack.partition() + ":iam::" + stack.accountId() + ":role/" + name;
            // CloudFront is not run locally (serve stands in for it); these only make the template's references resolve.
            case "AWS::CloudFront::Distribution.DomainName" -> name.toLowerCase(Locale.ROOT) + ".cloudfront.net";
            case "AWS::CloudFront::Distribution.Id", "AWS::CloudFront::OriginAccessControl.Id" -> name;
            case "AWS::CloudFront::Function.FunctionARN" -> "arn:" + stack.partition() + ":cloudfront::" + stack.accountId() + ":function/" + name;
            // Made up by a running local stack for its identity provider; a template read alone has none.
            case "AWS::Cognito::UserPoolClient.ClientSecret" -> identityProvider != null ? identityProvider.clientSecret()
                    : "(made up by a running local stack)";
            default -> null;
        };
        if (value != null) {
            return value;
        }
        if (attribute.equals("Arn")) {
            // A plausible ARN for any other resource: service and resource type from its type name.
            String[] parts = resource.type().split("::");
            String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
            String kind = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
            return arn(service, kind + "/" + name);
        }
        throw new IllegalArgumentException("!GetAtt " + resource.logicalId() + "." + attribute
                + " (" + resource.type() + ") cannot be resolved locally");
    }

    private String arn(String service, String resource) {
        return "arn:" + stack.partition() + ":" + service + ":" + stack.region() + ":" + stack.accountId() + ":" + resource;
    }

    private String queueUrl(String queueName) {
        if (sqsEndpoint != null) {
            String base = sqsEndpoint.toString().replaceAll("/+$", "");
            return base + "/" + stack.accountId() + "/" + queueName;
        }
        return "https://sqs." + stack.region() + "." + stack.urlSuffix() + "/" + stack.accountId() + "/" + queueName;
    }
}
