package despatch.bench;

import despatch.article.ArticleParser;
import despatch.lambda.aws.SesCampaignRequests;
import despatch.office.Office;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import despatch.sending.CampaignMessage;
import despatch.sending.EmailTemplate;
import despatch.sending.MessageBuilder;
import despatch.sending.Recipient;
import despatch.common.EmailAddress;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * What a send worker does per recipient before the network: sign the unsubscribe link, join it
 * into both parts of the campaign's rendered email, build the headers, and build the SESv2
 * request. The article is rendered once in setup, as a campaign renders it once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecipientBenchmark {
    private static final int RECIPIENTS = 1024;

    private MessageBuilder builder;
    private SesCampaignRequests requests;
    private Recipient[] recipients;
    private int next;

    @Setup(Level.Trial)
    public void renderOncePerCampaign() throws Exception {
        Office office = SampleOffice.office();
        RenderedArticle article = new ArticleRenderer(office, Clock.systemUTC())
                .render(new ArticleParser(office, Clock.systemUTC()).parse(SampleArticle.FILE_NAME, SampleArticle.bytes()).article());
        TokenSigner signer = new TokenSigner("a benchmark secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        builder = new MessageBuilder("c-bench", article.subject(), new EmailTemplate(article.emailHtml(), article.emailText()),
                new SubscriptionLinks("https://abcdef1234.execute-api.eu-west-2.amazonaws.com", signer), "unsubscribe@news.example.org.uk");
        requests = new SesCampaignRequests(office.name(), "newsletter@news.example.org.uk", "despatch");
        recipients = new Recipient[RECIPIENTS];
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients[i] = new Recipient(String.format("%032x", i * 2654435761L), EmailAddress.parse("reader" + i + "@example.org.uk"));
        }
    }

    @Benchmark
    public CampaignMessage personalise() {
        return builder.build(recipients[next++ & (RECIPIENTS - 1)]);
    }

    @Benchmark
    public SendEmailRequest personaliseAndBuildRequest() {
        return requests.request(builder.build(recipients[next++ & (RECIPIENTS - 1)]));
    }
}
