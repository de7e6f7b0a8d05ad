package despatch.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import despatch.lambda.wiring.PublishingFactory;
import despatch.lambda.wiring.SendingFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.publish.Preview;
import despatch.publish.PreviewService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.crac.Core;

/**
 * PreviewFunction: renders an article exactly as publishing would and returns it as JSON;
 * sends nothing, publishes nothing. Invoked directly (sam local invoke, the console, the CLI).
 * Request: {"key": "articles/…"} for an upload, or {"fileName": "x.md", "body": "…"} inline.
 */
public class PreviewHandler implements RequestStreamHandler, PrimedBySnapStart {
    private final PreviewService previews;
    private final Runnable priming;
    private final java.util.function.Supplier<despatch.sending.TestSend> testSend;
    private final JsonLog log = new JsonLog(System.out);

    public PreviewHandler() {
        this(Wiring.fromEnvironment(Setting.Function.PreviewFunction));
        Core.getGlobalContext().register(this);
    }

    public PreviewHandler(Wiring wiring) {
        PublishingFactory publishing = new PublishingFactory(wiring);
        this.previews = publishing.previewService();
        this.priming = publishing::primePreviews;
        // Built on first use: previews need no SES, and most invocations are previews.
        this.testSend = new SendingFactory(wiring)::testSend;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        PreviewRequest request = PreviewRequest.read(input);
        Preview preview = request.problem() != null ? request.problem()
                : request.key() != null ? previews.previewUpload(request.key())
                : previews.preview(request.fileName(), request.body());
        log.info("article.previewed", Map.of("accepted", preview.accepted(),
                "slug", String.valueOf(preview.slug()), "warnings", preview.warnings().size(), "problems", preview.problems().size()));
        Integer testSentTo = request.testSend() && preview.accepted() ? testSend.get().send(preview.rendered()) : null;
        if (testSentTo != null) {
            log.info("article.test_sent", Map.of("slug", String.valueOf(preview.slug()), "staff", testSentTo));
        }
        PreviewResponse.write(preview, testSentTo, output);
    }

    @Override
    public void prime() {
        Priming.renderSample(previews);
        priming.run();
    }
}
