package despatch.bench;

import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Active subscribers as an import leaves them: a random 128-bit id, a unique address
 * (person000001@example.org.uk, …), a name and postcode, one consent record with its evidence,
 * everyone on the newsletter and every third person on press releases too. Item sizes are what
 * the send path's consistent subscriber read pays for, so they are kept realistic. Seeded.
 */
final class SampleSubscribers {
    static final String LIST = "newsletter";
    private static final List<String> NAMES = List.of("Rhys Jones", "Siân Williams", "Gareth Davies", "Megan Evans",
            "Dafydd Thomas", "Catrin Roberts", "Owain Hughes", "Ffion Lewis", "James Morgan", "Sarah Griffiths", "Aisha Khan",
            "Tomasz Nowak", "Mary-Jane Lloyd-Jones");
    private static final List<String> POSTCODES = List.of("LL53 5AB", "LL55 4TY", "LL57 2DG", "LL59 5HS", "LL61 6PQ", "LL65 1YU", "");

    private SampleSubscribers() {
    }

    static List<Subscriber> generate(int count) {
        Random random = new Random(20_260_401L + count);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Subscriber> people = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            Set<String> lists = i % 3 == 0 ? Set.of(LIST, "press") : Set.of(LIST);
            Instant consented = now.minus(1 + random.nextInt(3 * 365), ChronoUnit.DAYS);
            ConsentRecord consent = new ConsentRecord(consented, ConsentAction.IMPORTED, lists, "import-2026-01", ConsentSource.IMPORT,
                    "", "", "paper sign-up sheet, Llanfair surgery");
            people.add(new Subscriber(HexFormat.of().formatHex(id), address(i), NAMES.get(random.nextInt(NAMES.size())),
                    POSTCODES.get(random.nextInt(POSTCODES.size())), SubscriberStatus.ACTIVE, lists, Set.of(), null, List.of(consent),
                    consented, consented, 1));
        }
        return people;
    }

    private static EmailAddress address(int i) {
        try {
            return EmailAddress.parse(String.format("person%06d@example.org.uk", i));
        } catch (InvalidEmailAddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
