package despatch.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template reader on a small template that uses every intrinsic the local stack resolves: those template.yaml uses. */
class CloudFormationTemplateTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: test
              Zones:
                Type: String
                Default: "a,b,c"
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsNotProd: !Not [!Equals [!Ref Stage, prod]]
            Globals:
              Function:
                Environment:
                  Variables:
                    STAGE: !Ref Stage
                    SHARED: from-globals
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-files-${AWS::AccountId}"
              UnnamedBucket:
                Type: AWS::S3::Bucket
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "${AWS::StackName}-items"
              Dlq:
                Type: AWS::SQS::Queue
              ProdOnly:
                Type: AWS::SQS::Queue
                Condition: IsProd
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  AutoPublishAlias: live
                  Environment:
                    Variables:
                      SHARED: from-function
                      BUCKET: !Ref Bucket
                      BUCKET_ARN: !GetAtt Bucket.Arn
                      TABLE_ARN: !GetAtt [Table, Arn]
                      QUEUE_ARN: {"Fn::GetAtt": [Dlq, Arn]}
                      QUEUE_URL: {"Ref": Dlq}
                      SUB_LIST: !Sub ["${Name}@${AWS::Region}/${Bucket}/${!Literal}", {Name: !Ref Stage}]
                      SECOND_ZONE: !Select [1, !Split [",", !Ref Zones]]
                      PICKED: !If [IsProd, big, small]
                      NOT_PROD: !If [IsNotProd, "yes", "no"]
                      ALIAS: !Ref Fn.Alias
                      PARTITION: !Sub "${AWS::Partition} ${AWS::URLSuffix}"
            Outputs:
              Imported:
                Value: !ImportValue other-stack-output
            """;

    private static final StackIdentity STACK = new StackIdentity("unit", "eu-west-2", "123456789012");

    @Test
    void resolvesEveryIntrinsicTheLocalStackNeeds() {
        Map<String, String> env = CloudFormationTemplate.parse(TEMPLATE, STACK, Map.of()).environmentFor("Fn");
        assertEquals("test", env.get("STAGE"));
        assertEquals("from-function", env.get("SHARED"), "the function's own value wins over Globals");
        assertEquals("unit-files-123456789012", env.get("BUCKET"));
        assertEquals("arn:aws:s3:::unit-files-123456789012", env.get("BUCKET_ARN"));
        assertEquals("arn:aws:dynamodb:eu-west-2:123456789012:table/unit-items", env.get("TABLE_ARN"));
        assertEquals("arn:aws:sqs:eu-west-2:123456789012:unit-Dlq", env.get("QUEUE_ARN"));
        assertEquals("https://sqs.eu-west-2.amazonaws.com/123456789012/unit-Dlq", env.get("QUEUE_URL"));
        assertEquals("test@eu-west-2/unit-files-123456789012/${Literal}", env.get("SUB_LIST"));
        assertEquals("b", env.get("SECOND_ZONE"));
        assertEquals("small", env.get("PICKED"));
        assertEquals("yes", env.get("NOT_PROD"));
        assertEquals("aws amazonaws.com", env.get("PARTITION"));
        assertEquals("arn:aws:lambda:eu-west-2:123456789012:function:unit-Fn:live", env.get("ALIAS"));
    }

    @Test
    void parameterValuesOverrideDefaultsAndConditionsFollowThem() {
        CloudFormationTemplate prod = CloudFormationTemplate.parse(TEMPLATE, STACK, Map.of("Stage", "prod"));
        assertEquals("big", prod.environmentFor("Fn").get("PICKED"));
        assertEquals("no", prod.environmentFor("Fn").get("NOT_PROD"));
        assertEquals(List.of("Dlq", "ProdOnly"),
                prod.resourcesOfType("AWS::SQS::Queue").stream().map(r -> r.logicalId()).toList());
        CloudFormationTemplate test = CloudFormationTemplate.parse(TEMPLATE, STACK, Map.of());
        assertEquals(List.of("Dlq"), test.resourcesOfType("AWS::SQS::Queue").stream().map(r -> r.logicalId()).toList());
    }

    @Test
    void keepsTagsAsIntrinsicsAndNamesUnnamedResourcesStably() {
        CloudFormationTemplate template = CloudFormationTemplate.parse(TEMPLATE, STACK, Map.of());
        assertEquals(new Intrinsic("Fn::GetAtt", List.of("Bucket", "Arn")),
                ((Map<?, ?>) ((Map<?, ?>) template.resource("Fn").property("Environment")).get("Variables")).get("BUCKET_ARN"));
        assertEquals("unit-unnamedbucket", template.physicalName("UnnamedBucket"));
        assertTrue(template.referencedNames().containsAll(List.of("Stage", "Bucket", "Table", "Dlq", "Fn", "AWS::Region", "Zones")));
        assertFalse(template.referencedNames().contains("Name"), "an explicit !Sub variable is not a reference");
    }

    @Test
    void anIntrinsicTemplateYamlDoesNotUseIsRefusedOnReadingWithItsNameAndPlace() {
        String withCidr = TEMPLATE.replace("PICKED: !If [IsProd, big, small]", "SUBNET: !Select [1, !Cidr [\"10.0.0.0/16\", 2, 8]]");
        IllegalArgumentException cidr = assertThrows(IllegalArgumentException.class, () -> CloudFormationTemplate.parse(withCidr, STACK, Map.of()));
        assertTrue(cidr.getMessage().startsWith("template.yaml, resource Fn: Fn::Cidr is not resolved by the local stack"), cidr.getMessage());

        String withAnd = TEMPLATE.replace("IsNotProd: !Not [!Equals [!Ref Stage, prod]]", "IsNotProd: !And [!Equals [a, a]]");
        IllegalArgumentException and = assertThrows(IllegalArgumentException.class, () -> CloudFormationTemplate.parse(withAnd, STACK, Map.of()));
        assertTrue(and.getMessage().startsWith("template.yaml, condition IsNotProd: Fn::And is not resolved"), and.getMessage());

        String withNotifications = TEMPLATE.replace("STAGE: !Ref Stage", "STAGE: !Ref AWS::NotificationARNs");
        CloudFormationTemplate notifications = CloudFormationTemplate.parse(withNotifications, STACK, Map.of());
        UnsupportedOperationException pseudo = assertThrows(UnsupportedOperationException.class, () -> notifications.environmentFor("Fn"));
        assertTrue(pseudo.getMessage().startsWith("AWS::NotificationARNs is not resolved by the local stack"), pseudo.getMessage());

        String withNoValue = TEMPLATE.replace("STAGE: !Ref Stage", "STAGE: !Ref AWS::NoValue");
        assertTrue(!CloudFormationTemplate.parse(withNoValue, STACK, Map.of()).environmentFor("Fn").containsKey("STAGE"),
                "!Ref AWS::NoValue leaves the property out, as CloudFormation does");
    }

    @Test
    void refusesWhatOnlyCloudFormationCanResolve() {
        CloudFormationTemplate template = CloudFormationTemplate.parse(TEMPLATE, STACK, Map.of());
        assertThrows(UnsupportedOperationException.class, () -> template.resolve(template.section("Outputs")));
        assertThrows(IllegalArgumentException.class, () -> template.resolve(new Intrinsic("Ref", "Missing")));
        assertThrows(IllegalArgumentException.class, () -> CloudFormationTemplate.parse(TEMPLATE, STACK, Map.of("Nope", "x")));
    }
}
