package despatch.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailAddressTest {
    private static String rejection(String typed) {
        return assertThrows(InvalidEmailAddressException.class, () -> EmailAddress.parse(typed)).getMessage();
    }

    @Test
    void trimsAndFoldsCaseForMatchingButDeliversAsTyped() throws Exception {
        EmailAddress address = EmailAddress.parse("  Jane.Smith+news@Example.CO.UK \n");
        assertEquals("Jane.Smith+news@example.co.uk", address.forDelivery());
        assertEquals("jane.smith+news@example.co.uk", address.normalised());
    }

    @Test
    void internationalisedDomainsBecomePunycode() throws Exception {
        assertEquals("sian@xn--caf-dma.cymru", EmailAddress.parse("sian@café.cymru").forDelivery());
    }

    @Test
    void badAddressesSayWhatToChange() {
        assertTrue(rejection("").contains("Enter your email"));
        assertTrue(rejection("jane").contains("like name@example.co.uk"));
        assertTrue(rejection("jane@localhost").contains("needs a dot"));
        assertTrue(rejection("jane..smith@example.org").contains("two dots"));
        assertTrue(rejection("jane@[192.0.2.1]").contains("not an IP address"));
        assertTrue(rejection("jane@192.0.2.1").contains("not an IP address"));
        assertTrue(rejection("siân@example.org").contains("English letters"));
        assertTrue(rejection("\"jane\"@example.org").contains("Quoted"));
        assertTrue(rejection("a".repeat(65) + "@example.org").contains("too long"));
        assertTrue(rejection("jane@-example.org").contains("not a valid domain"));
    }

    @Test
    void headerInjectionIsRefused() {
        assertTrue(rejection("jane@example.org\r\nBcc: everyone@example.org").contains("line breaks"));
        assertTrue(rejection("jane@example.org\nX: y").contains("line breaks"));
    }

    @Test
    void anAddressASpreadsheetWouldRunAsAFormulaIsRefused() {
        for (String typed : new String[] {"=cmd|'/Ccalc'!A0@example.org", "+1+1@example.org", "-2+3@example.org"}) {
            assertTrue(rejection(typed).contains("cannot start with = + - or @"), typed);
        }
        assertTrue(rejection(" \t=1@example.org").contains("cannot start with"), "blanks around an address are trimmed first");
    }

    @Test
    void anAddressTakenBeforeThatRuleIsStillReadBack() throws Exception {
        assertEquals("=cmd|'/Ccalc'!A0@example.org", EmailAddress.stored("=cmd|'/Ccalc'!A0@Example.ORG").forDelivery());
        assertThrows(InvalidEmailAddressException.class, () -> EmailAddress.stored("jane@localhost"));
    }

    @Test
    void neverPrintsTheAddress() throws Exception {
        assertFalse(EmailAddress.parse("jane@example.org").toString().contains("jane"));
    }

    @Test
    void domainsThatOlderAndNewerIdnaRulesSendToDifferentServersAreRefused() {
        InvalidEmailAddressException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidEmailAddressException.class,
                () -> EmailAddress.parse("hans@faß.de"));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("ss"), refused.getMessage());
    }
}
