package despatch.subscription;

import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.office.Office;
import despatch.render.ConsentWording;
import despatch.render.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a subscribe request field by field, so the form can show every problem at once. Line
 * breaks and other control characters are refused everywhere: nothing typed into a form may
 * ever reach a mail header. Names are what a confirmation greets, so addresses and web links
 * (a spammer's way of using other people's confirmation mails) are refused there too.
 */
public final class SubscribeRequestCheck {
    /** The version of the form's consent wording, recorded with a sign-up that names none. */
    public static final String CURRENT_WORDING = ConsentWording.CURRENT;
    /** Every wording the form has shown, so that a consent record can only name one that existed (docs/subscriptions-and-privacy.md). */
    private static final java.util.Set<String> KNOWN_WORDINGS = java.util.Set.of(CURRENT_WORDING);
    private static final Pattern HEADER_LIKE = Pattern.compile("(?i)^\\s*(to|cc|bcc|from|subject|reply-to|content-[a-z-]+)\\s*:");
    private static final int NAME_LIMIT = 100;
    /** UK postcodes (an MP's constituents), with or without the space; GIR 0AA is Girobank's. */
    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?|GIR) ?([0-9][A-Z]{2})");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)(://|\\bwww\\.|\\.(com|net|org|uk|info|biz|ru|xyz|top)\\b)");
    private static final Pattern WORDING = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private final Office office;

    public SubscribeRequestCheck(Office office) {
        this.office = office;
    }

    public ValidSubscription check(SubscribeRequest request) throws InvalidRequestException {
        List<FieldError> errors = new ArrayList<>();
        EmailAddress address = null;
        try {
            address = EmailAddress.parse(request.email());
        } catch (InvalidEmailAddressException e) {
            errors.add(new FieldError("email", e.getMessage()));
        }
        String name = name(request.name(), errors);
        String postcode = postcode(request.postcode(), errors);
        Set<String> lists = lists(request.lists(), errors);
        String wording = request.wordingVersion() == null || request.wordingVersion().isBlank()
                ? CURRENT_WORDING : request.wordingVersion().strip();
        if (!WORDING.matcher(wording).matches() || !KNOWN_WORDINGS.contains(wording)) {
            errors.add(new FieldError("wording", "The form's wording version is not one this site uses; reload the subscribe page."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidSubscription(address, name, postcode, lists, wording);
    }

    /** The lists a request names, checked against the office's; with one list only, it may be left out. */
    public Set<String> lists(List<String> requested, List<FieldError> errors) {
        Set<String> lists = new LinkedHashSet<>();
        for (String id : requested) {
            String list = id == null ? "" : id.strip();
            if (list.isEmpty()) {
                continue;
            }
            if (!office.lists().containsKey(list)) {
                errors.add(new FieldError("lists", "There is no list called '" + Text.printable(list) + "'. Choose from "
                        + String.join(", ", office.lists().keySet()) + "."));
                return Set.of();
            }
            lists.add(list);
        }
        if (lists.isEmpty() && office.lists().size() == 1) {
            lists.addAll(office.lists().keySet());
        }
        if (lists.isEmpty()) {
            errors.add(new FieldError("lists", "Choose at least one list."));
        }
        return lists;
    }

    private static String name(String typed, List<FieldError> errors) {
        String name = typed == null ? "" : typed.strip();
        if (Text.hasControlCharacters(name)) {
            errors.add(new FieldError("name", "Your name cannot contain line breaks or tabs."));
        } else if (name.length() > NAME_LIMIT) {
            errors.add(new FieldError("name", "Your name can be at most " + NAME_LIMIT + " characters."));
        } else if (name.contains("@") || WEB_ADDRESS.matcher(name).find() || name.contains("<") || name.contains(">")
                || HEADER_LIKE.matcher(name).find()) {
            errors.add(new FieldError("name", "Enter just your name here, without email or web addresses."));
        }
        return name;
    }

    private static String postcode(String typed, List<FieldError> errors) {
        String postcode = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (postcode.isEmpty()) {
            return postcode;
        }
        java.util.regex.Matcher parts = POSTCODE.matcher(postcode);
        if (!parts.matches()) {
            errors.add(new FieldError("postcode", "Enter a UK postcode like SW1A 0AA, or leave it blank."));
            return postcode;
        }
        return parts.group(1) + " " + parts.group(2);
    }

    /** Small text helpers shared by the checks. */
    static final class Text {
        private Text() {
        }

        static boolean hasControlCharacters(String text) {
            return text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029);
        }

        /** A value fit to repeat back in a message: control characters removed, cut short. */
        static String printable(String text) {
            String clean = text.replaceAll("\\p{Cntrl}", "");
            return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
        }
    }
}
