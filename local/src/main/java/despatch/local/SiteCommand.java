package despatch.local;

import despatch.lambda.SiteHandler;
import despatch.lambda.aws.SiteMessage;
import despatch.site.SiteUpdate;
import java.util.List;

/**
 * ./despatch site rebuild: the real SiteHandler (built from the environment, as in Lambda) on a
 * rebuild message: every published article's page and every listing, feed and sitemap, from the
 * article records alone. In AWS the same message goes on the site queue (README).
 */
final class SiteCommand {
    private SiteCommand() {
    }

    static int run(List<String> args) {
        if (args.size() != 1 || !args.getFirst().equals("rebuild")) {
            LocalRunner.fail("usage: despatch site rebuild");
        }
        SiteUpdate update = new SiteHandler().apply(List.of(SiteMessage.REBUILD));
        System.out.println("Site rebuilt from the article records: " + update.written().size() + " files written, "
                + update.deleted().size() + " removed, " + update.unchanged() + " already right.");
        update.written().forEach(key -> System.out.println("  wrote   " + key));
        update.deleted().forEach(key -> System.out.println("  removed " + key));
        return 0;
    }
}
