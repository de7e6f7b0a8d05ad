package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.office.MailingListsSetting;
import despatch.office.Office;
import despatch.render.FieldError;
import despatch.testing.TestOffice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubscribeRequestCheckTest {
    private static final String INJECTION = "\r\nBcc: x@y";

    private final SubscribeRequestCheck check = new SubscribeRequestCheck(TestOffice.office());

    private static SubscribeRequest request(String email, String name, String postcode, List<String> lists) {
        return new SubscribeRequest(email, name, postcode, lists, null);
    }

    private static SubscribeRequest valid() {
        return request("jane@example.org", "Jane Smith", "SW1A 0AA", List.of("newsletter"));
    }

    /** The messages the form would show, by field. */
    private Map<String, String> problems(SubscribeRequestCheck checker, SubscribeRequest request) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> checker.check(request));
        return refused.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    private Map<String, String> problems(SubscribeRequest request) {
        return problems(check, request);
    }

    private String problemWith(String field, SubscribeRequest request) {
        Map<String, String> problems = problems(request);
        assertEquals(Set.of(field), problems.keySet(), problems.toString());
        return problems.get(field);
    }

    @Test
    void aGoodRequestIsCleanedUp() throws Exception {
        ValidSubscription checked = check.check(request(" Jane@Example.ORG ", "  Jane Smith ", " sw1a   0aa ", List.of("press", " newsletter ")));

        assertEquals("Jane@example.org", checked.address().forDelivery());
        assertEquals("Jane Smith", checked.name());
        assertEquals("SW1A 0AA", checked.postcode());
        assertEquals(Set.of("newsletter", "press"), checked.lists());
        assertEquals(SubscribeRequestCheck.CURRENT_WORDING, checked.wordingVersion(), "no wording sent: the current form's");
    }

    @Test
    void aSignUpWhoseAddressASpreadsheetWouldRunIsRefusedWithTheReason() {
        assertEquals("The part before the @ cannot start with = + - or @, which spreadsheets read as a formula.",
                problemWith("email", request("=cmd|'/Ccalc'!A0@example.org", "Jane", "", List.of("newsletter"))));
    }

    @Test
    void nameAndPostcodeMayBeLeftOut() throws Exception {
        ValidSubscription checked = check.check(request("jane@example.org", null, "", List.of("newsletter")));

        assertEquals("", checked.name());
        assertEquals("", checked.postcode());
    }

    @Test
    void aMissingOrBadEmailSaysWhatToType() {
        assertEquals("Enter your email address.", problemWith("email", request("  ", "Jane", "", List.of("newsletter"))));
        assertEquals("Enter your email address.", problemWith("email", request(null, "Jane", "", List.of("newsletter"))));
        assertEquals("Enter an email address like name@example.co.uk.", problemWith("email", request("jane", "Jane", "", List.of("newsletter"))));
    }

    @Test
    void lineBreaksInANameAreRefused() {
        assertEquals("Your name cannot contain line breaks or tabs.",
                problemWith("name", request("jane@example.org", "Jane\r\nSmith", "", List.of("newsletter"))));
        assertEquals("Your name cannot contain line breaks or tabs.",
                problemWith("name", request("jane@example.org", "Jane\nSmith", "", List.of("newsletter"))));
    }

    @Test
    void aMailHeaderSmuggledIntoAnyFieldIsRefused() {
        assertTrue(problemWith("email", request("jane@example.org" + INJECTION, "Jane", "", List.of("newsletter")))
                .contains("line breaks"));
        assertTrue(problemWith("name", request("jane@example.org", "Jane" + INJECTION, "", List.of("newsletter")))
                .contains("line breaks"));
        problemWith("name", request("jane@example.org", INJECTION, "", List.of("newsletter")));
        problemWith("postcode", request("jane@example.org", "Jane", "SW1A 0AA" + INJECTION, List.of("newsletter")));
        problemWith("lists", request("jane@example.org", "Jane", "", List.of("newsletter" + INJECTION)));
        problemWith("wording", new SubscribeRequest("jane@example.org", "Jane", "", List.of("newsletter"), "2026-11" + INJECTION));
    }

    @Test
    void aNameCannotCarryAnAddressOrALink() {
        String message = "Enter just your name here, without email or web addresses.";
        assertEquals(message, problemWith("name", request("jane@example.org", "Win at https://spam.example", "", List.of("newsletter"))));
        assertEquals(message, problemWith("name", request("jane@example.org", "write to jane@spam.example", "", List.of("newsletter"))));
        assertEquals(message, problemWith("name", request("jane@example.org", "<script>alert(1)</script>", "", List.of("newsletter"))));
    }

    @Test
    void aNameCanBeAHundredCharactersButNoMore() throws Exception {
        assertEquals(100, check.check(request("jane@example.org", "J".repeat(100), "", List.of("newsletter"))).name().length());

        assertEquals("Your name can be at most 100 characters.",
                problemWith("name", request("jane@example.org", "J".repeat(101), "", List.of("newsletter"))));
    }

    @Test
    void aPostcodeMustLookLikeOne() {
        String message = "Enter a UK postcode like SW1A 0AA, or leave it blank.";
        assertEquals(message, problemWith("postcode", request("jane@example.org", "Jane", "SW1A-0AA!", List.of("newsletter"))));
        assertEquals(message, problemWith("postcode", request("jane@example.org", "Jane", "ZZZZ", List.of("newsletter"))));
        assertEquals(message, problemWith("postcode", request("jane@example.org", "Jane", "A", List.of("newsletter"))));
        assertEquals(message, problemWith("postcode", request("jane@example.org", "Jane", "SW1A 0AA SW1A 0AA", List.of("newsletter"))));
    }

    @Test
    void postcodesAreWrittenTheWayRoyalMailWritesThem() throws Exception {
        assertEquals("SW1A 0AA", check.check(request("jane@example.org", "Jane", " sw1a0aa ", List.of("newsletter"))).postcode());
        assertEquals("LL55 4UR", check.check(request("jane@example.org", "Jane", "ll55   4ur", List.of("newsletter"))).postcode());
        assertEquals("M1 1AE", check.check(request("jane@example.org", "Jane", "M1 1AE", List.of("newsletter"))).postcode());
    }

    @Test
    void aNameThatLooksLikeAMailHeaderIsRefused() {
        assertEquals("Enter just your name here, without email or web addresses.",
                problemWith("name", request("jane@example.org", "Bcc: everyone", "", List.of("newsletter"))));
    }

    @Test
    void onlyAWordingVersionTheFormHasShownIsRecorded() {
        SubscribeRequest invented = new SubscribeRequest("jane@example.org", "", "", List.of("newsletter"), "1999-01");
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> check.check(invented));
        assertEquals("wording", refused.errors().get(0).field());
    }

    @Test
    void aNameThatIsReallyAWebAddressIsRefused() {
        assertEquals("Enter just your name here, without email or web addresses.",
                problemWith("name", request("jane@example.org", "www.cheap-pills.example", "", List.of("newsletter"))));
        assertEquals("Enter just your name here, without email or web addresses.",
                problemWith("name", request("jane@example.org", "Win big at spam.com", "", List.of("newsletter"))));
    }

    @Test
    void anUnknownListIsNamedWithTheChoices() {
        assertEquals("There is no list called 'gossip'. Choose from newsletter, press.",
                problemWith("lists", request("jane@example.org", "Jane", "", List.of("newsletter", "gossip"))));
    }

    @Test
    void anOfficeWithSeveralListsNeedsAChoice() {
        assertEquals("Choose at least one list.", problemWith("lists", request("jane@example.org", "Jane", "", List.of())));
        assertEquals("Choose at least one list.", problemWith("lists", request("jane@example.org", "Jane", "", List.of(" ", ""))));
    }

    @Test
    void anOfficeWithOneListNeedsNoChoice() throws Exception {
        Office office = TestOffice.office();
        Office oneList = new Office(office.name(), office.postalAddressLines(), office.siteBaseUrl(),
                MailingListsSetting.parse("newsletter=Newsletter"), office.mediaContact(), office.language(), office.zone(),
                office.subscriptionApiUrl());

        ValidSubscription checked = new SubscribeRequestCheck(oneList).check(request("jane@example.org", "Jane", "", List.of()));

        assertEquals(Set.of("newsletter"), checked.lists());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> problems = problems(new SubscribeRequest("not-an-address", "Jane\nSmith", "???", List.of("gossip"), "a wording!"));

        assertEquals(Set.of("email", "name", "postcode", "lists", "wording"), problems.keySet(), problems.toString());
    }
}
