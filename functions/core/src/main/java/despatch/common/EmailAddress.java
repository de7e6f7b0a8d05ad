package despatch.common;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A checked email address. {@link #forDelivery()} keeps the local part as typed (RFC 5321 lets
 * it be case-sensitive) with the domain in ASCII (internationalised domains as punycode);
 * {@link #normalised()} folds case for finding the same subscriber again. Plus-addressing and
 * Gmail's dots are left alone: other providers give them meaning, and a person may want both.
 */
public record EmailAddress(String forDelivery, String normalised) {
    /** RFC 5321: 64 octets of local part, 254 for the whole path without angle brackets. */
    private static final int LOCAL_LIMIT = 64;
    private static final int ADDRESS_LIMIT = 254;
    private static final int LABEL_LIMIT = 63;
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    /** An address someone types now (a form, an import row): every check, with a message saying what to change. */
    public static EmailAddress parse(String typed) throws InvalidEmailAddressException {
        EmailAddress address = deliverable(typed);
        if (SpreadsheetFormula.startsOne(address.forDelivery())) {
            throw new InvalidEmailAddressException("The part before the @ cannot start with = + - or @, which spreadsheets read as a formula.");
        }
        return address;
    }

    /**
     * An address taken earlier and read back (from the store, a queue, mail feedback): checked again
     * for what delivery needs, but not refused by a rule added since it was taken (a formula's first
     * character), which would make its subscriber unreadable and unsuppressible.
     */
    public static EmailAddress stored(String text) throws InvalidEmailAddressException {
        return deliverable(text);
    }

    private static EmailAddress deliverable(String typed) throws InvalidEmailAddressException {
        if (typed == null || typed.isBlank()) {
            throw new InvalidEmailAddressException("Enter your email address.");
        }
        String text = typed.strip();
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7F || Character.isWhitespace(c))) {
            throw new InvalidEmailAddressException("An email address cannot contain spaces or line breaks.");
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new InvalidEmailAddressException("Enter an email address like name@example.co.uk.");
        }
        String local = text.substring(0, at);
        String domain = asciiDomain(text.substring(at + 1));
        checkLocalPart(local);
        String address = local + "@" + domain;
        if (address.length() > ADDRESS_LIMIT) {
            throw new InvalidEmailAddressException("That email address is too long (at most " + ADDRESS_LIMIT + " characters).");
        }
        return new EmailAddress(address, address.toLowerCase(Locale.ROOT));
    }

    private static void checkLocalPart(String local) throws InvalidEmailAddressException {
        if (local.startsWith("\"")) {
            throw new InvalidEmailAddressException("Quoted email addresses are not supported; use an address without quotation marks.");
        }
        if (local.length() > LOCAL_LIMIT) {
            throw new InvalidEmailAddressException("The part before the @ is too long (at most " + LOCAL_LIMIT + " characters).");
        }
        if (!local.chars().allMatch(c -> c < 0x80)) {
            // SES cannot deliver to non-ASCII mailbox names (SMTPUTF8), so accepting one would fail silently later.
            throw new InvalidEmailAddressException("The part before the @ can only use English letters, digits and . _ + - characters.");
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) {
                throw new InvalidEmailAddressException("The part before the @ cannot start or end with a dot, or have two dots together.");
            }
            if (!ATOM.matcher(atom).matches()) {
                throw new InvalidEmailAddressException("The part before the @ contains a character an email address cannot have.");
            }
        }
    }

    private static String asciiDomain(String domain) throws InvalidEmailAddressException {
        // IDNA2003 (java.net.IDN) maps ß to ss and ς to σ and drops joiners; IDNA2008 keeps them,
        // so the same typed domain would reach two different mail servers. Ask for the other form.
        if (domain.chars().anyMatch(c -> c == 'ß' || c == 'ς' || c == 0x200C || c == 0x200D)) {
            throw new InvalidEmailAddressException("Domains with ß or ς can reach different servers depending on the mail system; "
                    + "use the address with ss or σ, or another address.");
        }
        if (domain.startsWith("[")) {
            throw new InvalidEmailAddressException("Use an address with a domain name, not an IP address.");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailAddressException("The part after the @ is not a valid domain name.");
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidEmailAddressException("The part after the @ needs a dot, like example.co.uk.");
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > LABEL_LIMIT || !LABEL.matcher(label).matches()) {
                throw new InvalidEmailAddressException("The part after the @ is not a valid domain name.");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidEmailAddressException("Use an address with a domain name, not an IP address.");
        }
        return ascii;
    }

    @Override
    public String toString() {
        // Records print their fields; an address must never reach a log by accident.
        return "EmailAddress[redacted]";
    }
}
