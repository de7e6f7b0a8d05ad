package despatch.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * An import file as an office would upload it after years of paper sign-up sheets: every row with
 * consent evidence (so every row becomes active), everyone on the newsletter and every third
 * person on press releases too, Welsh and English names, North Wales postcodes (some left blank,
 * as people leave them off), consent sources with commas in them, quoted. Addresses are unique
 * (person000001@example.org.uk, …) so every row is a new subscriber. Seeded: the same file each time.
 */
record SubscriberCsv(byte[] bytes, int rows, int newsletterRows, int pressRows) {
    static final String HEADER = "email,name,postcode,lists,consent_date,consent_source";

    private static final List<String> GIVEN = List.of("Rhys", "Siân", "Gareth", "Megan", "Dafydd", "Catrin", "Owain", "Ffion",
            "Iwan", "Nia", "Huw", "Eleri", "Gwenllian", "Bethan", "Llŷr", "Angharad", "James", "Sarah", "David", "Emma", "Tom",
            "Olivia", "Liam", "Chloe", "Grace", "Mohammed", "Aisha", "Priya", "Anil", "Kwame", "Zofia", "Tomasz", "Mary-Jane");
    private static final List<String> FAMILY = List.of("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes",
            "Lewis", "Morgan", "Griffiths", "Owen", "Price", "Pritchard", "Ellis", "ap Gwilym", "Parry", "O'Connor", "Patel",
            "Khan", "Smith", "Taylor", "Wilson", "Nowak", "Mensah", "Lloyd-Jones", "Vaughan");
    private static final List<String> OUTWARD = List.of("LL53", "LL54", "LL55", "LL57", "LL58", "LL59", "LL61", "LL65",
            "LL77", "LL30", "LL32", "LL49");
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final List<String> SOURCES = List.of("paper sign-up sheet, Llanfair surgery", "advice surgery, Bangor",
            "constituency survey 2024", "public meeting on the A55, Conwy", "website form (before Despatch)",
            "petition on local bus services", "Christmas card reply slip");

    static SubscriberCsv generate(int rows) {
        Random random = new Random(20_260_301L + rows);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        StringBuilder csv = new StringBuilder(rows * 110).append(HEADER).append("\r\n");
        int press = 0;
        for (int i = 1; i <= rows; i++) {
            String name = pick(random, GIVEN) + " " + pick(random, FAMILY);
            String postcode = random.nextInt(100) < 8 ? "" : pick(random, OUTWARD) + " " + random.nextInt(10)
                    + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                    + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
            boolean withPress = i % 3 == 0;
            press += withPress ? 1 : 0;
            LocalDate consented = today.minusDays(1 + random.nextInt(3 * 365));
            csv.append(String.format("person%06d@example.org.uk", i)).append(',')
                    .append(quoted(name)).append(',')
                    .append(postcode).append(',')
                    .append(withPress ? "newsletter;press" : "newsletter").append(',')
                    .append(consented).append(',')
                    .append(quoted(pick(random, SOURCES))).append("\r\n");
        }
        return new SubscriberCsv(csv.toString().getBytes(StandardCharsets.UTF_8), rows, rows, press);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** RFC 4180: quote a field that holds a comma or a quote, doubling the quotes inside. */
    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
