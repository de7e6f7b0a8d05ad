package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.StaffContact;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.lambda.wiring.Setting;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The approvers noted at sign-in, on the DynamoDB emulator in the table template.yaml declares. */
class DynamoDbApproverDirectoryTest {
    private final DynamoDbApproverDirectory directory = new DynamoDbApproverDirectory(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.PublishFunction).get(Setting.APPROVALS_TABLE.name()));

    @Test
    void anApproverIsNotedAtSignInAndStruckOffAtASignInWithoutTheRole() {
        String subject = "sub-" + UUID.randomUUID();
        StaffContact morgan = new StaffContact(subject, "Morgan Office Manager", "office.manager@example.org.uk");
        directory.signedIn(new StaffIdentity(subject, morgan.email(), morgan.name(), StaffRole.fromGroups(List.of("approver"))));
        assertTrue(directory.approvers().contains(morgan));

        directory.signedIn(new StaffIdentity(subject, morgan.email(), morgan.name(), StaffRole.fromGroups(List.of("editor"))));
        assertFalse(directory.approvers().stream().anyMatch(contact -> contact.subject().equals(subject)));
    }
}
