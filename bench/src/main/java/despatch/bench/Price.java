package despatch.bench;

/**
 * The prices the send cost model uses: list prices for eu-west-2 (London) as of 2026, on demand,
 * before any free tier or discount. They must be checked on the AWS pricing pages named here
 * before anyone relies on the totals; change them here and nowhere else.
 */
enum Price {
    SES_EMAIL(0.10 / 1_000, "email sent through SES (outbound, no attachments)", "aws.amazon.com/ses/pricing/"),
    LAMBDA_REQUEST(0.20 / 1_000_000, "Lambda invocation", "aws.amazon.com/lambda/pricing/"),
    LAMBDA_ARM_GB_SECOND(0.0000133334, "Lambda GB-second on arm64", "aws.amazon.com/lambda/pricing/"),
    SQS_REQUEST(0.40 / 1_000_000, "SQS standard request, each started 64 KB of payload one request", "aws.amazon.com/sqs/pricing/"),
    // On-demand throughput as this model was specified. AWS halved on-demand throughput prices in
    // November 2024; if these predate that, DynamoDB's line here is twice what AWS now charges.
    DYNAMODB_WRITE_UNIT(1.4135 / 1_000_000, "DynamoDB on-demand write request unit", "aws.amazon.com/dynamodb/pricing/on-demand/"),
    DYNAMODB_READ_UNIT(0.2827 / 1_000_000, "DynamoDB on-demand read request unit", "aws.amazon.com/dynamodb/pricing/on-demand/"),
    S3_PUT(0.0053 / 1_000, "S3 Standard PUT, COPY, POST or LIST request", "aws.amazon.com/s3/pricing/"),
    S3_GET(0.00042 / 1_000, "S3 Standard GET or other request", "aws.amazon.com/s3/pricing/"),
    SECRETS_MANAGER_CALL(0.05 / 10_000, "Secrets Manager API call", "aws.amazon.com/secrets-manager/pricing/"),
    // Approximate (us-east-1 is $0.50 per GB; London is a little higher): logs are not part of the
    // specified model, shown so their size is visible.
    CLOUDWATCH_LOGS_GB(0.60, "CloudWatch Logs ingestion, per GB (approximate)", "aws.amazon.com/cloudwatch/pricing/");

    final double usd;
    final String unit;
    final String page;

    Price(double usd, String unit, String page) {
        this.usd = usd;
        this.unit = unit;
        this.page = page;
    }

    double times(double quantity) {
        return usd * quantity;
    }
}
