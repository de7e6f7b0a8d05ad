package despatch.console;

import despatch.office.Office;
import despatch.publish.ArticleStore;
import despatch.publish.UploadStore;
import despatch.render.SubscriptionRenderer;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignFinished;
import despatch.subscription.Mailer;
import java.text.NumberFormat;
import java.util.List;

/**
 * Tells the person who published an article from the console that its campaign has gone out,
 * with the counts: the article's record names its upload, and the upload who published it. An
 * article that came another way names nobody, and nobody is told.
 */
public final class CampaignFinishedNotice implements CampaignFinished {
    private final ArticleStore articles;
    private final UploadStore uploads;
    private final StaffMail mail;
    private final Office office;
    private final String consoleUrl;

    public CampaignFinishedNotice(ArticleStore articles, UploadStore uploads, Mailer mailer, SubscriptionRenderer renderer, Office office,
            String consoleUrl) {
        this.articles = articles;
        this.uploads = uploads;
        this.mail = new StaffMail(mailer, renderer, office);
        this.office = office;
        this.consoleUrl = consoleUrl;
    }

    @Override
    public void finished(Campaign campaign) {
        String email = articles.find(campaign.slug()).map(record -> uploads.uploader(record.uploadKey()).email()).orElse("");
        if (email.isBlank()) {
            return;
        }
        CampaignCounts counts = campaign.counts();
        NumberFormat number = NumberFormat.getIntegerInstance(office.language());
        List<String> lines = List.of("The email has gone to everyone on its lists: " + number.format(counts.sent()) + " sent, "
                + number.format(counts.suppressed()) + " not sent (unsubscribed or suppressed since), " + number.format(counts.failed())
                + " failed" + (counts.unknown() > 0 ? ", and " + number.format(counts.unknown()) + " whose outcome is unknown (the campaign's"
                + " page says what to do)" : "") + ".");
        mail.send(email, "“" + campaign.subject() + "” has gone out", lines, "See the campaign", consoleUrl + "/campaigns/" + campaign.id());
    }
}
