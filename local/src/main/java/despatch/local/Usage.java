package despatch.local;

import java.util.List;

/**
 * The one usage text of ./despatch: {@code ./despatch help} prints it, and an argument error
 * quotes its command's lines from it.
 */
final class Usage {
    /** One command as the usage text shows it; the synopsis starts with the command's name. */
    record Entry(String synopsis, String description) {
        String command() {
            int space = synopsis.indexOf(' ');
            return space < 0 ? synopsis : synopsis.substring(0, space);
        }
    }

    static final List<Entry> COMMANDS = List.of(
            new Entry("demo", "the main job: start the local stack, publish the sample articles, say where to look"),
            new Entry("test", "run every test (unit, integration against the emulators, template checks)"),
            new Entry("up", "start the local AWS stack (S3, DynamoDB, SQS, SES emulators) and print its environment"),
            new Entry("down", "stop the local stack that 'up' (or 'serve') started, and nothing else"),
            new Entry("preview FILE --out DIR", "render FILE (.md or .txt) without any AWS: DIR/email.html, email.txt, web.html"),
            new Entry("publish FILE...", "upload each FILE to the local uploads bucket and run the real PublishHandler on it"),
            new Entry("serve [--port N]", "the published site (home, listings, archive, feeds, articles) and the subscribe pages (the real"
                    + " SubscriptionHandler, routed as template.yaml routes it) on http://127.0.0.1:N (8787 unless told) until Ctrl-C;"
                    + " uses the stack 'up' runs, on the port its links lead to, else starts one whose links lead to N for as long"
                    + " as it serves"),
            new Entry("site rebuild [--rerender]", "rebuild the whole site from the article records (the real SiteHandler on a rebuild "
                    + "message); --rerender makes every article's page again from its upload with the current templates"),
            new Entry("import FILE.csv", "upload FILE to the local uploads bucket under imports/, run the real ImportHandler, print its report"),
            new Entry("subscribers export LIST [--out FILE]", "the active members of one list as CSV (email,name,subscribed_since), to stdout or FILE"),
            new Entry("test-send FILE", "email FILE's rendered email to the staff addresses (StaffAddresses), subject marked [TEST]"),
            new Entry("campaigns", "the local stack's campaigns, newest first, with their counts"),
            new Entry("campaign ID", "one campaign, with the deliveries whose outcome is unknown"),
            new Entry("start ID", "start a campaign held for staff (it came too late after its embargo) or paused by SES"),
            new Entry("cancel ID", "stop a campaign: batches still queued are dropped"),
            new Entry("resend-unknown ID", "send again the deliveries whose outcome is unknown (staff decide: a second copy is possible)"),
            new Entry("bench", "run the render benchmark and the cold-start measure"),
            new Entry("bench recipients [--lambda-jit]", "time preparing one recipient's email (sign, personalise, build the SES request);"
                    + " target 20,000/s"),
            new Entry("bench subscribers [ROWS]", "import ROWS generated subscribers (default 10,000 x3, then 100,000) through the real"
                    + " ImportHandler on a fresh in-memory stack, then page the list back; prints requests and units"),
            new Entry("bench send [N] [--paced] [--quota=Q] [--daily=D] [--workers-running=W]", "publish one newsletter to N subscribers"
                    + " (default 10,000) through the real publish, fan-out and send handlers on a fresh in-memory stack; prints requests,"
                    + " units and the AWS cost per 10,000 emails; --quota=Q lays AWS's round trips over the emulators and models an SES"
                    + " account allowing Q a second (and D a day), and prints the share achieved; W runs only W of the send workers"),
            new Entry("bench site [N] [--runs=R]", "publish new articles, a correction and an unpublish into a site of N articles"
                    + " (default 1,000) through the real publish and site handlers, then re-render all; prints objects written and time"),
            new Entry("bench image [--runs=R]", "a 12-megapixel phone photograph through the image step in JVMs sized as Lambda's 512, 768"
                    + " and 1,024 MB; prints time, peak heap and bytes written"),
            new Entry("bench preview [--runs=R]", "preview a 2,000-word Word document with two photographs through the real PreviewHandler,"
                    + " cold (a fresh JVM each run) and warm; prints medians, peak heap and image bytes"),
            new Entry("build", "compile and package (done automatically when sources change)"),
            new Entry("help", "this text"));

    private static final int WIDTH = 120;
    private static final int INDENT = 23;

    private Usage() {
    }

    static String text() {
        StringBuilder text = new StringBuilder("Usage: ./despatch COMMAND\n\n");
        for (Entry entry : COMMANDS) {
            String head = "  " + entry.synopsis();
            if (head.length() < INDENT - 1) {
                text.append(head).append(" ".repeat(INDENT - head.length()));
            } else {
                text.append(head).append('\n').append(" ".repeat(INDENT));
            }
            text.append(wrap(entry.description())).append('\n');
        }
        return text.append("""

                Needs a JDK 21 or later (found by itself under /usr/lib/jvm, ~/.sdkman or JAVA_HOME) and Node.js 18+ with npm;
                'test' also needs Debian's chromium package for the browser test.
                """).toString();
    }

    /** The usage lines of one command (bench has several), or null for a command there is none of. */
    static String of(String command) {
        List<String> lines = COMMANDS.stream().filter(entry -> entry.command().equals(command))
                .map(entry -> "usage: ./despatch " + entry.synopsis()).toList();
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String wrap(String description) {
        StringBuilder lines = new StringBuilder();
        int column = INDENT;
        for (String word : description.split(" ")) {
            if (column > INDENT && column + 1 + word.length() > WIDTH) {
                lines.append('\n').append(" ".repeat(INDENT));
                column = INDENT;
            } else if (column > INDENT) {
                lines.append(' ');
                column++;
            }
            lines.append(word);
            column += word.length();
        }
        return lines.toString();
    }
}
