package despatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffRoleTest {

    @Test
    void eachRoleIncludesTheOnesBeforeIt() {
        assertEquals(Set.of(StaffRole.EDITOR), StaffRole.fromGroups(List.of("editor")));
        assertEquals(Set.of(StaffRole.EDITOR, StaffRole.APPROVER), StaffRole.fromGroups(List.of("approver")));
        assertEquals(Set.of(StaffRole.EDITOR, StaffRole.APPROVER, StaffRole.ADMIN), StaffRole.fromGroups(List.of("admin")));
    }

    @Test
    void anIdentityPrintsNoAddress() {
        StaffIdentity who = new StaffIdentity("sub-1", "press.officer@example.org.uk", "Pat", Set.of(StaffRole.EDITOR));
        org.junit.jupiter.api.Assertions.assertFalse(who.toString().contains("press.officer"), who.toString());
    }

    @Test
    void groupsThatNameNoRoleGiveNothing() {
        assertEquals(Set.of(), StaffRole.fromGroups(List.of("finance", "Admin", "administrators")));
        assertEquals(Set.of(StaffRole.EDITOR), StaffRole.fromGroups(List.of("finance", "editor")));
    }
}
