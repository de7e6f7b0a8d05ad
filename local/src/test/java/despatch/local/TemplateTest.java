package despatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import despatch.console.StaffRole;
import despatch.lambda.wiring.Setting;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.Intrinsic;
import despatch.local.stack.ProjectRoot;
import despatch.local.stack.TemplateResource;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * template.yaml checked against the code, since no tool here validates a SAM template offline:
 * handlers exist, settings match what the wiring reads, references and policies point at the
 * template's own resources, and nothing that would break a deploy or leak a secret is in it.
 */
class TemplateTest {

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    /** Read by the Lambda JVM itself, not by Despatch's wiring. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static Path root;
    private static CloudFormationTemplate template;
    private static List<String> functions;

    @BeforeAll
    static void load() {
        root = ProjectRoot.find();
        template = CloudFormationTemplate.load(root.resolve("template.yaml"));
        functions = template.functionIds();
    }

    @Test
    void isASamTemplate() {
        Object transform = template.document().get("Transform");
        List<?> transforms = transform instanceof List<?> list ? list : List.of(String.valueOf(transform));
        assertTrue(transforms.contains("AWS::Serverless-2016-10-31"), "Transform: " + transform);
        assertEquals("2010-09-09", String.valueOf(template.document().get("AWSTemplateFormatVersion")));
    }

    @Test
    void declaresExactlyTheFunctionsTheWiringKnows() {
        Set<String> known = Arrays.stream(Setting.Function.values()).map(Enum::name).collect(Collectors.toSet());
        assertEquals(known, new HashSet<>(functions));
    }

    @Test
    void everyHandlerClassHasItsHandleRequestMethod() throws Exception {
        for (String function : functions) {
            String handler = template.resolveToString(template.functionProperty(function, "Handler"));
            String[] classAndMethod = handler.split("::");
            assertEquals(2, classAndMethod.length, function + " Handler should be class::method, is " + handler);
            Class<?> handlerClass;
            try {
                handlerClass = Class.forName(classAndMethod[0], false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                fail(function + " names handler class " + classAndMethod[0] + ", which is not in despatch-lambda");
                return;
            }
            boolean found = Arrays.stream(handlerClass.getMethods())
                    .anyMatch(m -> m.getName().equals(classAndMethod[1]) && !Modifier.isStatic(m.getModifiers()));
            assertTrue(found, handlerClass.getName() + " has no public " + classAndMethod[1] + " method");
            assertTrue(Arrays.stream(handlerClass.getConstructors()).anyMatch(c -> c.getParameterCount() == 0),
                    handlerClass.getName() + " needs a public no-argument constructor for Lambda");
        }
    }

    @Test
    void everyFunctionRunsJava21() {
        for (String function : functions) {
            assertEquals("java21", template.functionProperty(function, "Runtime"), function);
        }
    }

    @Test
    void codeUriIsTheShadedJarTheLambdaModuleBuilds() throws Exception {
        String jar = "functions/lambda/" + shadedJar(root.resolve("functions/lambda/pom.xml"));
        for (String function : functions) {
            assertEquals(jar, template.functionProperty(function, "CodeUri"), function + " CodeUri");
        }
    }

    /** The shaded jar's path in the module, from the shade plugin's outputFile or finalName + classifier. */
    private static String shadedJar(Path pomFile) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pomFile.toFile());
        String finalName = childText((Element) pom.getDocumentElement().getElementsByTagName("build").item(0), "finalName");
        NodeList outputFiles = pom.getElementsByTagName("outputFile");
        if (outputFiles.getLength() == 1) {
            return outputFiles.item(0).getTextContent().strip()
                    .replace("${project.build.directory}", "target")
                    .replace("${project.build.finalName}", finalName);
        }
        NodeList classifiers = pom.getElementsByTagName("shadedClassifierName");
        assertEquals(1, classifiers.getLength(), pomFile + " should name its shaded jar (outputFile or shadedClassifierName)");
        return "target/" + finalName + "-" + classifiers.item(0).getTextContent().strip() + ".jar";
    }

    @Test
    void everyFunctionHasEverySettingItRequires() {
        for (Setting setting : Setting.values()) {
            for (Setting.Function function : setting.requiredBy()) {
                assertTrue(template.environmentFor(function.name()).containsKey(setting.name()),
                        function + " needs " + setting + " in its Environment (or Globals)");
            }
        }
    }

    @Test
    void everyEnvironmentVariableIsASetting() {
        Set<String> settings = Arrays.stream(Setting.values()).map(Enum::name).collect(Collectors.toSet());
        for (String function : functions) {
            for (String name : template.environmentFor(function).keySet()) {
                assertTrue(settings.contains(name) || name.equals(JVM_OPTIONS),
                        function + " sets " + name + ", which no Setting reads");
            }
        }
    }

    @Test
    void everyReferenceNamesAParameterAResourceOrAPseudoParameter() {
        Set<String> known = new HashSet<>(PSEUDO_PARAMETERS);
        known.addAll(template.section("Parameters").keySet());
        known.addAll(template.resources().keySet());
        for (String name : template.referencedNames()) {
            assertTrue(known.contains(name), "The template refers to " + name + ", which it does not declare");
        }
    }

    @Test
    void everyValueResolves() {
        // Resolving every resource and output catches a bad !GetAtt attribute or a !Sub typo.
        template.resources().values().forEach(resource -> template.resolve(resource.properties()));
        template.resolve(template.section("Outputs"));
    }

    @Test
    void policyTemplatesAreScopedToTheTemplatesOwnResources() {
        Map<String, String> resourceTypeOfArgument = Map.of(
                "BucketName", "AWS::S3::Bucket",
                "TableName", "AWS::DynamoDB::Table",
                "QueueName", "AWS::SQS::Queue",
                "TopicName", "AWS::SNS::Topic",
                "SecretArn", "AWS::SecretsManager::Secret");
        for (String function : functions) {
            for (Object policy : policies(function)) {
                if (policy instanceof Map<?, ?> map && map.size() == 1 && map.values().iterator().next() instanceof Map<?, ?> arguments) {
                    String policyName = String.valueOf(map.keySet().iterator().next());
                    arguments.forEach((argument, value) -> {
                        String type = resourceTypeOfArgument.get(String.valueOf(argument));
                        assertNotNull(type, function + " " + policyName + " has an argument this test does not know: " + argument);
                        String resolved = template.resolveToString(value);
                        // Secrets are named by ARN (what !Ref gives), everything else by name.
                        Set<String> own = template.resourcesOfType(type).stream()
                                .map(r -> type.equals("AWS::SecretsManager::Secret") ? template.ref(r.logicalId())
                                        : template.physicalName(r.logicalId()))
                                .collect(Collectors.toSet());
                        assertTrue(own.contains(resolved), function + " " + policyName + " " + argument + " = " + resolved
                                + " is not one of the template's own: " + own);
                    });
                } else if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                    assertNoStatementOnEveryResource(function, document);
                } else if (policy instanceof Intrinsic ref && ref.function().equals("Ref")
                        && template.resources().get(String.valueOf(ref.argument())) instanceof TemplateResource managed
                        && managed.type().equals("AWS::IAM::ManagedPolicy")) {
                    assertNoStatementOnEveryResource(function, (Map<?, ?>) managed.property("PolicyDocument"));
                } else {
                    fail(function + " has a policy this test cannot check for scope: " + policy);
                }
            }
        }
    }

    @Test
    void publishFunctionIsTriggeredByArticlesUploadedToTheUploadsBucketButNotByItsOwnReports() {
        Map<?, ?> events = (Map<?, ?>) template.resource("PublishFunction").property("Events");
        assertNotNull(events, "PublishFunction has no Events");
        Set<String> suffixes = new HashSet<>();
        for (Object value : events.values()) {
            Map<?, ?> event = (Map<?, ?>) value;
            Map<?, ?> p = (Map<?, ?>) event.get("Properties");
            assertEquals("S3", event.get("Type"));
            assertEquals(new Intrinsic("Ref", "UploadsBucket"), p.get("Bucket"));
            assertEquals("s3:ObjectCreated:*", p.get("Events"));
            String filter = String.valueOf(p.get("Filter"));
            assertTrue(filter.contains("{Name=prefix, Value=articles/}"), filter);
            suffixes.add(filter.replaceAll(".*\\{Name=suffix, Value=([^}]*)}.*", "$1"));
        }
        assertEquals(Set.of(".md", ".markdown", ".txt", ".text", ".docx", ".MD", ".TXT", ".DOCX"), suffixes);
        assertTrue(suffixes.stream().noneMatch("articles/bus-route.md.error.json"::endsWith), "a rejection's report triggers nothing");
    }

    @Test
    void importFunctionIsTriggeredByCsvFilesUnderImportsButNotByItsOwnReports() {
        Map<?, ?> events = (Map<?, ?>) template.resource("ImportFunction").property("Events");
        Map<?, ?> event = (Map<?, ?>) events.values().iterator().next();
        Map<?, ?> p = (Map<?, ?>) event.get("Properties");
        assertEquals("S3", event.get("Type"));
        assertEquals(new Intrinsic("Ref", "UploadsBucket"), p.get("Bucket"));
        String filter = String.valueOf(p.get("Filter"));
        assertTrue(filter.contains("{Name=prefix, Value=imports/}") && filter.contains("{Name=suffix, Value=.csv}"), filter);
        assertFalse(despatch.lambda.aws.S3ImportFiles.reportKey("imports/a.csv").endsWith(".csv"),
                "a report ending in .csv would trigger another import");
    }

    @Test
    void theHttpApiRoutesAreExactlyTheOnesTheSubscriptionApiAnswers() {
        Map<?, ?> events = (Map<?, ?>) template.resource("SubscriptionFunction").property("Events");
        List<String> routes = new ArrayList<>();
        for (Object value : events.values()) {
            Map<?, ?> event = (Map<?, ?>) value;
            assertEquals("HttpApi", event.get("Type"));
            Map<?, ?> p = (Map<?, ?>) event.get("Properties");
            assertEquals(new Intrinsic("Ref", "SubscriptionApi"), p.get("ApiId"));
            routes.add(p.get("Method") + " " + p.get("Path"));
        }
        Set<String> expected = new HashSet<>(despatch.subscription.web.SubscriptionApi.ROUTES);
        // The catch-all sends wrong addresses and methods to the API's own 404 and 405 pages.
        expected.add("ANY /{proxy+}");
        assertEquals(expected, new HashSet<>(routes));
        assertEquals(routes.size(), new HashSet<>(routes).size(), "a route is declared twice");
    }

    @Test
    void everyDeadLetterQueueRaisesAnAlarm() {
        Set<String> deadLetterQueues = template.resourcesOfType("AWS::SQS::Queue").stream().map(TemplateResource::logicalId)
                .filter(id -> id.endsWith("DeadLetterQueue")).collect(Collectors.toSet());
        assertEquals(7, deadLetterQueues.size(), deadLetterQueues.toString());
        Set<String> alarmed = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(alarm -> String.valueOf(template.resolve(alarm.property("Dimensions"))))
                .flatMap(dimensions -> deadLetterQueues.stream().filter(q -> dimensions.contains(template.physicalName(q))))
                .collect(Collectors.toSet());
        assertEquals(deadLetterQueues, alarmed);
    }

    /** Tables, buckets, queues (dead letters above all) and log groups outlive a stack deleted or a resource replaced. */
    @Test
    void whatHoldsDataOrFailedEventsIsKeptWhenTheStackGoesOrAChangeReplacesIt() {
        Map<?, ?> resources = (Map<?, ?>) template.document().get("Resources");
        Set<String> kept = Set.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::Logs::LogGroup");
        int checked = 0;
        for (Map.Entry<?, ?> entry : resources.entrySet()) {
            Map<?, ?> resource = (Map<?, ?>) entry.getValue();
            if (!kept.contains(String.valueOf(resource.get("Type")))) {
                continue;
            }
            checked++;
            assertTrue(Set.of("Retain", "RetainExceptOnCreate").contains(String.valueOf(resource.get("DeletionPolicy"))),
                    entry.getKey() + " DeletionPolicy: " + resource.get("DeletionPolicy"));
            assertEquals("Retain", resource.get("UpdateReplacePolicy"), entry.getKey() + " UpdateReplacePolicy");
        }
        assertTrue(checked >= 5 + 2 + 10 + 10, "tables, buckets, queues and log groups: " + checked);
    }

    @Test
    void everyFunctionLogsToItsOwnGroupKeptForTheStacksRetention() {
        Map<?, ?> parameter = (Map<?, ?>) ((Map<?, ?>) template.document().get("Parameters")).get("LogRetentionDays");
        assertEquals(90, parameter.get("Default"));
        Set<String> groups = new HashSet<>();
        for (String function : functions) {
            Object group = ((Map<?, ?>) template.functionProperty(function, "LoggingConfig")).get("LogGroup");
            assertTrue(group instanceof Intrinsic ref && ref.function().equals("Ref"), function + " LogGroup: " + group);
            String id = String.valueOf(((Intrinsic) group).argument());
            TemplateResource resource = template.resource(id);
            assertEquals("AWS::Logs::LogGroup", resource.type(), id);
            assertEquals("LogRetentionDays", String.valueOf(((Intrinsic) resource.property("RetentionInDays")).argument()), id);
            assertTrue(groups.add(id), function + " shares " + id);
        }
    }

    @Test
    void deadLetterQueuesKeepMessagesFourteenDaysButAddressesOnlyFour() {
        for (TemplateResource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            if (!queue.logicalId().endsWith("DeadLetterQueue")) {
                continue;
            }
            int expected = queue.logicalId().equals("SubscriberMailDeadLetterQueue") ? 4 * 86_400 : 14 * 86_400;
            assertEquals(expected, queue.property("MessageRetentionPeriod"), queue.logicalId());
        }
    }

    @Test
    void everyFunctionsErrorsAndThrottlesAlarmToTheAlertsTopic() {
        Set<String> alarmed = new HashSet<>();
        for (TemplateResource alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            if (!"AWS/Lambda".equals(alarm.property("Namespace"))) {
                continue;
            }
            assertEquals(List.of(new Intrinsic("Ref", "AlertsTopic")), alarm.property("AlarmActions"), alarm.logicalId());
            assertEquals(0, alarm.property("Threshold"), alarm.logicalId() + ": the first one");
            Map<?, ?> dimension = (Map<?, ?>) ((List<?>) alarm.property("Dimensions")).getFirst();
            alarmed.add(alarm.property("MetricName") + " " + ((Intrinsic) dimension.get("Value")).argument());
        }
        Set<String> expected = new HashSet<>();
        functions.forEach(function -> expected.addAll(List.of("Errors " + function, "Throttles " + function)));
        assertEquals(expected, alarmed);
    }

    @Test
    void sesReputationAlarmsRingBeforeTheLevelsWhereSesReviewsTheAccount() {
        Map<String, Double> reviewedAt = Map.of("Reputation.BounceRate", 0.05, "Reputation.ComplaintRate", 0.001);
        Set<String> alarmed = new HashSet<>();
        for (TemplateResource alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            if ("AWS/SES".equals(alarm.property("Namespace"))) {
                String metric = String.valueOf(alarm.property("MetricName"));
                double threshold = ((Number) alarm.property("Threshold")).doubleValue();
                assertTrue(threshold > 0 && threshold < reviewedAt.get(metric), metric + " alarms at " + threshold);
                assertEquals(List.of(new Intrinsic("Ref", "AlertsTopic")), alarm.property("AlarmActions"));
                alarmed.add(metric);
            }
        }
        assertEquals(reviewedAt.keySet(), alarmed);
        TemplateResource age = template.resource("SendQueueAgeAlarm");
        assertEquals("ApproximateAgeOfOldestMessage", age.property("MetricName"));
        assertTrue(String.valueOf(age.property("Dimensions")).contains("SendQueue"), "on the send queue");
    }

    @Test
    void aFailedImportIsKeptForAReplayNotRetried() {
        Map<?, ?> invoke = (Map<?, ?>) template.functionProperty("ImportFunction", "EventInvokeConfig");
        assertEquals(0, invoke.get("MaximumRetryAttempts"), "a retry would mail confirmations again");
        Map<?, ?> onFailure = (Map<?, ?>) ((Map<?, ?>) invoke.get("DestinationConfig")).get("OnFailure");
        assertEquals("SQS", onFailure.get("Type"));
        assertEquals(new Intrinsic("Fn::GetAtt", List.of("ImportDeadLetterQueue", "Arn")), onFailure.get("Destination"));
    }

    @Test
    void everythingNamedAfterTheStackWaitsForTheStackNameCheckWhichChecksExactlyThoseNames() {
        Map<?, ?> resources = (Map<?, ?>) template.document().get("Resources");
        Set<String> named = new HashSet<>();
        for (TemplateResource resource : template.resources().values()) {
            Object name = resource.property(resource.type().equals("AWS::S3::Bucket") ? "BucketName" : "QueueName");
            if ((resource.type().equals("AWS::S3::Bucket") || resource.type().equals("AWS::SQS::Queue")) && name != null
                    && String.valueOf(name).contains("AWS::StackName")) {
                named.add(template.resolveToString(name));
                assertEquals("StackNameCheck", ((Map<?, ?>) resources.get(resource.logicalId())).get("DependsOn"), resource.logicalId());
            }
        }
        TemplateResource check = template.resource("StackNameCheck");
        Set<String> checked = new HashSet<>();
        for (String property : List.of("Buckets", "Queues")) {
            ((List<?>) check.property(property)).forEach(name -> checked.add(template.resolveToString(name)));
        }
        assertEquals(named, checked);
        assertEquals(4, named.size(), named.toString());
    }

    @Test
    void siteUpdatesRunOneAtATimeFromAFifoQueueThatPublishingAndReleasesFill() {
        TemplateResource queue = template.resource("SiteQueue");
        assertEquals(Boolean.TRUE, queue.property("FifoQueue"));
        assertTrue(template.physicalName("SiteQueue").endsWith(".fifo"));
        Map<?, ?> redrive = (Map<?, ?>) queue.property("RedrivePolicy");
        assertEquals(template.resolve(new Intrinsic("Fn::GetAtt", List.of("SiteDeadLetterQueue", "Arn"))),
                template.resolve(redrive.get("deadLetterTargetArn")));
        assertEquals(Boolean.TRUE, template.resource("SiteDeadLetterQueue").property("FifoQueue"), "a FIFO queue's DLQ is FIFO too");
        Map<?, ?> events = (Map<?, ?>) template.resource("SiteFunction").property("Events");
        Map<?, ?> event = (Map<?, ?>) events.values().iterator().next();
        assertEquals("SQS", event.get("Type"));
        assertEquals(template.resolve(new Intrinsic("Fn::GetAtt", List.of("SiteQueue", "Arn"))),
                template.resolve(((Map<?, ?>) event.get("Properties")).get("Queue")));
        int timeout = Integer.parseInt(String.valueOf(template.resource("SiteFunction").property("Timeout")));
        assertTrue(Integer.parseInt(String.valueOf(queue.property("VisibilityTimeout"))) >= 6 * timeout,
                "AWS asks for a visibility timeout of six times the function's timeout");
        for (String sender : List.of("PublishFunction", "FanOutFunction")) {
            assertEquals(template.resolve(new Intrinsic("Ref", "SiteQueue")), template.environmentFor(sender).get("SITE_QUEUE_URL"), sender);
            assertTrue(PermissionsTableTest.granted().contains(sender + " | sqs:SendMessage | SiteQueue | "), sender);
        }
    }

    /**
     * The subscription API hands subscribe and data-link requests to SubscriberMailQueue, and only
     * SubscriberMailFunction carries them out: with exactly the table actions its store calls need
     * (findAddress and findSubscriber get, claimAddress and the daily limit update, save puts).
     */
    @Test
    void subscriberRequestsGoThroughTheirQueueToAConsumerWithOnlyTheWritesItNeeds() {
        String queueUrl = String.valueOf(template.resolve(new Intrinsic("Ref", "SubscriberMailQueue")));
        assertEquals(queueUrl, template.environmentFor("SubscriptionFunction").get("SUBSCRIBER_MAIL_QUEUE_URL"));
        assertTrue(PermissionsTableTest.granted().contains("SubscriptionFunction | sqs:SendMessage | SubscriberMailQueue | "));
        Map<?, ?> events = (Map<?, ?>) template.resource("SubscriberMailFunction").property("Events");
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) events.values().iterator().next()).get("Properties");
        assertEquals(template.resolve(new Intrinsic("Fn::GetAtt", List.of("SubscriberMailQueue", "Arn"))),
                template.resolve(properties.get("Queue")));
        assertEquals(List.of("ReportBatchItemFailures"), properties.get("FunctionResponseTypes"));

        List<String> tableActions = PermissionsTableTest.granted().stream().filter(row -> row.startsWith("SubscriberMailFunction | dynamodb:"))
                .map(row -> row.split(" \\| ")[1] + " " + row.split(" \\| ")[2]).toList();
        assertEquals(List.of("dynamodb:GetItem SubscribersTable", "dynamodb:PutItem SubscribersTable", "dynamodb:UpdateItem SubscribersTable"),
                tableActions, "no delete, query or batch");
    }

    @Test
    void publishedArticlesAreListedFromASparseIndexWithTheKeysTheStoreWrites() {
        Map<?, ?> index = (Map<?, ?>) ((List<?>) template.resource("ArticlesTable").property("GlobalSecondaryIndexes")).getFirst();
        assertEquals(despatch.lambda.aws.DynamoDbArticleStore.INDEX, index.get("IndexName"));
        assertEquals("[{AttributeName=listing, KeyType=HASH}, {AttributeName=listingOrder, KeyType=RANGE}]",
                String.valueOf(index.get("KeySchema")));
        assertTrue(PermissionsTableTest.granted().containsAll(List.of("SiteFunction | dynamodb:Query | ArticlesTable/index/" + index.get("IndexName")
                + " | ", "SiteFunction | dynamodb:BatchGetItem | ArticlesTable | ")), "SiteFunction reads the index, then the records");
    }

    @Test
    void sendWorkersShareTheSesRateAsManyWaysAsLambdaRunsThem() {
        Map<?, ?> events = (Map<?, ?>) template.resource("SendFunction").property("Events");
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) events.values().iterator().next()).get("Properties");
        Object concurrency = ((Map<?, ?>) properties.get("ScalingConfig")).get("MaximumConcurrency");
        Object workers = ((Map<?, ?>) ((Map<?, ?>) template.resource("SendFunction").property("Environment")).get("Variables")).get("SEND_WORKERS");
        // Both from the one parameter, not merely equal at its default: deployed with another value, they must still agree.
        assertEquals(new Intrinsic("Ref", "SendWorkers"), concurrency);
        assertEquals(new Intrinsic("Ref", "SendWorkers"), workers,
                "SEND_WORKERS must be the SQS event source's MaximumConcurrency, or the total rate is exceeded");
        assertEquals(despatch.sending.FanOut.MESSAGES_A_WORKER_TAKES, properties.get("BatchSize"),
                "fan-out runs ahead of the workers by what they hold: their BatchSize");
        assertEquals(List.of("ReportBatchItemFailures"), properties.get("FunctionResponseTypes"));
    }

    @Test
    void staffSignInThroughAUserPoolThatOnlyAdministratorsAddToAndThatRequiresMfa() {
        Map<?, ?> pool = template.resource("ConsoleUserPool").properties();
        assertEquals(Map.of("AllowAdminCreateUserOnly", true), pool.get("AdminCreateUserConfig"), "no self sign-up");
        assertEquals("ON", pool.get("MfaConfiguration"));
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"));
        Map<?, ?> client = template.resource("ConsoleClient").properties();
        assertEquals(true, client.get("GenerateSecret"));
        assertEquals(List.of("code"), client.get("AllowedOAuthFlows"), "the authorization code flow only");
        String callback = template.resolveToString(((List<?>) client.get("CallbackURLs")).getFirst());
        assertTrue(callback.endsWith("/console/signed-in"), callback);
        Set<String> groups = template.resourcesOfType("AWS::Cognito::UserPoolGroup").stream()
                .map(group -> String.valueOf(group.property("GroupName"))).collect(Collectors.toSet());
        assertEquals(Arrays.stream(StaffRole.values()).map(StaffRole::group).collect(Collectors.toSet()), groups,
                "one group per console role, named as the console reads them");
    }

    /**
     * The client names the API (its callback address), the API's routes name ConsoleFunction: the
     * function must reach the client's id and secret by the secret's name, never by a reference.
     */
    @Test
    void theConsoleReadsItsClientByTheSecretsNameAndSoCausesNoCircularDependency() {
        TemplateResource function = template.resource("ConsoleFunction");
        List<String> refs = new ArrayList<>();
        collectRefs(function.properties(), refs);
        assertFalse(refs.contains("ConsoleClient") || refs.contains("ConsoleClientSecret"), refs.toString());
        TemplateResource secret = template.resource("ConsoleClientSecret");
        String name = template.resolveToString(secret.property("Name"));
        assertEquals(name, template.environmentFor("ConsoleFunction").get("CONSOLE_CLIENT_SECRET_ID"));
        assertTrue(template.ref("ConsoleClientSecret").contains(":secret:" + name + "-"), "the policy's name-* pattern matches its ARN");
        assertTrue(String.valueOf(template.resolve(function.property("Policies"))).contains(":secret:" + name + "-*"));
        assertTrue(template.environmentFor("ConsoleFunction").get("OIDC_ISSUER")
                .equals("https://cognito-idp.eu-west-2.amazonaws.com/" + template.ref("ConsoleUserPool")));
    }

    /**
     * No circle of references among resources, counting the ones SAM adds: a bucket's
     * notifications name the functions its S3 events trigger, and an HTTP API's routes name the
     * functions of its HttpApi events. CloudFormation refuses a circle (cfn-lint's E3004), and
     * these two edges are where one hides.
     */
    @Test
    void theResourcesAndTheEdgesSamAddsMakeNoCircularDependency() {
        Map<String, Set<String>> dependsOn = new java.util.HashMap<>();
        for (TemplateResource resource : template.resources().values()) {
            Map<String, Object> properties = new java.util.LinkedHashMap<>(resource.properties());
            Object events = properties.remove("Events");
            List<String> refs = new ArrayList<>();
            collectRefs(properties, refs);
            if (resource.type().equals("AWS::Serverless::Function")) {
                // SAM copies Globals into every function: what they name, every function waits for.
                collectRefs(((Map<?, ?>) template.document().get("Globals")).get("Function"), refs);
            }
            Object explicit = ((Map<?, ?>) ((Map<?, ?>) template.document().get("Resources")).get(resource.logicalId())).get("DependsOn");
            if (explicit != null) {
                (explicit instanceof List<?> list ? list : List.of(explicit)).forEach(id -> refs.add(String.valueOf(id)));
            }
            dependsOn.computeIfAbsent(resource.logicalId(), id -> new HashSet<>()).addAll(refs);
            if (events instanceof Map<?, ?> byName) {
                for (Object value : byName.values()) {
                    Map<?, ?> event = (Map<?, ?>) value;
                    Map<?, ?> eventProperties = event.get("Properties") instanceof Map<?, ?> p ? p : Map.of();
                    Object source = "S3".equals(event.get("Type")) ? eventProperties.get("Bucket")
                            : "HttpApi".equals(event.get("Type")) ? eventProperties.get("ApiId") : null;
                    List<String> sources = new ArrayList<>();
                    collectRefs(source, sources);
                    sources.forEach(id -> dependsOn.computeIfAbsent(id, x -> new HashSet<>()).add(resource.logicalId()));
                }
            }
        }
        dependsOn.values().forEach(targets -> targets.retainAll(template.resources().keySet()));
        for (String start : dependsOn.keySet()) {
            java.util.Deque<List<String>> paths = new java.util.ArrayDeque<>(List.of(List.of(start)));
            Set<String> visited = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : dependsOn.getOrDefault(path.getLast(), Set.of())) {
                    if (next.equals(start)) {
                        fail("Circular dependency: " + String.join(" -> ", path) + " -> " + start);
                    }
                    if (visited.add(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.push(longer);
                    }
                }
            }
        }
    }

    @Test
    void theSigningSecretIsGeneratedAtDeployAndReadOnlyByFunctionsThatSignLinks() {
        TemplateResource secret = template.resource("SigningSecret");
        assertEquals("AWS::SecretsManager::Secret", secret.type());
        assertNull(secret.property("SecretString"), "the secret's value must not be in the template");
        assertNotNull(secret.property("GenerateSecretString"));
        for (String function : functions) {
            boolean reads = PermissionsTableTest.granted().contains(function + " | secretsmanager:GetSecretValue | SigningSecret | ");
            boolean signs = template.environmentFor(function).containsKey("SIGNING_SECRET_ARN");
            assertEquals(signs, reads, function + " should read the secret exactly when it signs links");
            if (signs) {
                assertEquals(template.ref("SigningSecret"), template.environmentFor(function).get("SIGNING_SECRET_ARN"));
            }
        }
    }

    /**
     * A function a bucket triggers must not !Ref or !GetAtt that bucket outside the event: the
     * bucket's notification then depends on the function and the function's role on the bucket,
     * a circular dependency CloudFormation rejects. It repeats the bucket's !Sub name instead.
     */
    @Test
    void functionsTriggeredByABucketDoNotReferToItAndSoCauseNoCircularDependency() {
        for (String function : functions) {
            TemplateResource resource = template.resource(function);
            for (String bucket : triggeringBuckets(resource)) {
                Map<String, Object> withoutEvents = new java.util.LinkedHashMap<>(resource.properties());
                withoutEvents.remove("Events");
                List<String> refs = new ArrayList<>();
                collectRefs(withoutEvents, refs);
                assertFalse(refs.contains(bucket), function + " is triggered by " + bucket + " and also refers to it: "
                        + "use the bucket's !Sub name (see the comment on UploadsBucket)");
                Object bucketName = template.resource(bucket).property("BucketName");
                assertNotNull(bucketName, bucket + " triggers " + function + ", so it needs an explicit BucketName");
            }
        }
        assertEquals(template.physicalName("UploadsBucket"), template.environmentFor("PublishFunction").get("UPLOADS_BUCKET"));
    }

    @Test
    void everyFunctionIsPublishedWithSnapStart() {
        for (String function : functions) {
            if (function.equals("StackNameCheckFunction")) {
                // Runs once per deployment, before the rest: a snapshot would only slow the deployment.
                assertEquals(Map.of("ApplyOn", "None"), template.resource(function).property("SnapStart"));
                continue;
            }
            assertNotNull(template.functionProperty(function, "AutoPublishAlias"), function + " AutoPublishAlias");
            Object snapStart = template.functionProperty(function, "SnapStart");
            assertTrue(snapStart instanceof Map<?, ?> map && "PublishedVersions".equals(map.get("ApplyOn")),
                    function + " SnapStart ApplyOn PublishedVersions, got " + snapStart);
        }
    }

    @Test
    void holdsNoSecretLookingLiteral() {
        Pattern secretValue = Pattern.compile("AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----"
                + "|(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])|xox[bap]-|gh[pousr]_[A-Za-z0-9]{20,}");
        Pattern secretKey = Pattern.compile("(?i).*(password|secret|token|apikey|api_key|privatekey|credential).*");
        walk(template.document(), "", (path, key, value) -> {
            if (value instanceof String text) {
                assertFalse(secretValue.matcher(text).find(), "Secret-looking value at " + path);
                if (key != null && secretKey.matcher(key).matches()) {
                    fail("Literal value for a secret-looking key at " + path + ": use a dynamic reference or SSM");
                }
            }
        });
    }

    private static void assertNoStatementOnEveryResource(String function, Map<?, ?> document) {
        Object statements = template.resolve(document.get("Statement"));
        for (Object statement : statements instanceof List<?> list ? list : List.of(statements)) {
            Object resources = ((Map<?, ?>) statement).get("Resource");
            List<?> all = resources instanceof List<?> list ? list : List.of(String.valueOf(resources));
            // SES's GetAccount (the account's quota, read-only) has no resource to name.
            boolean accountQuota = "ses:GetAccount".equals(((Map<?, ?>) statement).get("Action"));
            assertFalse(all.contains("*") && !accountQuota, function + " has a policy statement on every resource");
        }
    }

    private static List<?> policies(String function) {
        Object policies = template.resource(function).property("Policies");
        if (policies == null) {
            return List.of();
        }
        return policies instanceof List<?> list ? list : List.of(policies);
    }

    private static Set<String> triggeringBuckets(TemplateResource function) {
        Set<String> buckets = new HashSet<>();
        if (function.property("Events") instanceof Map<?, ?> events) {
            for (Object event : events.values()) {
                if (event instanceof Map<?, ?> e && "S3".equals(e.get("Type")) && e.get("Properties") instanceof Map<?, ?> p
                        && p.get("Bucket") instanceof Intrinsic ref && ref.function().equals("Ref")) {
                    buckets.add(String.valueOf(ref.argument()));
                }
            }
        }
        return buckets;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Intrinsic in) {
            if (in.function().equals("Ref")) {
                refs.add(String.valueOf(in.argument()));
            } else if (in.function().equals("Fn::GetAtt") && in.argument() instanceof List<?> parts) {
                refs.add(String.valueOf(parts.get(0)));
            } else if (in.function().equals("Fn::Sub")) {
                Object pattern = in.argument() instanceof List<?> parts ? parts.get(0) : in.argument();
                java.util.regex.Matcher m = Pattern.compile("\\$\\{([^}.!]+)[^}]*}").matcher(String.valueOf(pattern));
                while (m.find()) {
                    refs.add(m.group(1));
                }
            }
            collectRefs(in.argument(), refs);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectRefs(v, refs));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectRefs(v, refs));
        }
    }

    private interface Visitor {
        void visit(String path, String key, Object value);
    }

    private static void walk(Object node, String path, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visitor.visit(path + "/" + k, String.valueOf(k), v);
                walk(v, path + "/" + k, visitor);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visitor.visit(path + "[" + i + "]", null, list.get(i));
                walk(list.get(i), path + "[" + i + "]", visitor);
            }
        } else if (node instanceof Intrinsic in) {
            walk(in.argument(), path + "!" + in.function(), visitor);
        }
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        assertEquals(1, children.getLength(), "one <" + name + "> expected");
        return children.item(0).getTextContent().strip();
    }
}
