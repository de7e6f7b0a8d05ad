package despatch.bench;

import despatch.article.Article;
import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.office.Office;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
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

/**
 * Steady-state cost of one article in a warm container: parse + render together, and each alone
 * so the split is visible. SampleTime, so RenderBenchmarkMain can report the median rather than a
 * mean pulled up by GC pauses. Public and non-final because JMH generates subclasses of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RenderBenchmark {
    private ArticleParser parser;
    private ArticleRenderer renderer;
    private byte[] upload;
    private Article parsed;

    /** Once per trial, as a Lambda container builds these once in its constructor (Wiring). */
    @Setup(Level.Trial)
    public void buildOncePerContainer() throws ArticleRejectedException {
        Office office = SampleOffice.office();
        parser = new ArticleParser(office, Clock.systemUTC());
        renderer = new ArticleRenderer(office, Clock.systemUTC());
        upload = SampleArticle.bytes();
        parsed = parser.parse(SampleArticle.FILE_NAME, upload).article();
        // A sample the parser misreads would time a different path from real uploads.
        if (!SampleArticle.TITLE.equals(parsed.title()) || !SampleArticle.BYLINE.equals(parsed.byline())) {
            throw new IllegalStateException("the sample's title or byline was not found: " + parsed.title() + " / " + parsed.byline());
        }
    }

    @Benchmark
    public RenderedArticle parseAndRender() throws ArticleRejectedException {
        return renderer.render(parser.parse(SampleArticle.FILE_NAME, upload).article());
    }

    @Benchmark
    public ParsedArticle parseOnly() throws ArticleRejectedException {
        return parser.parse(SampleArticle.FILE_NAME, upload);
    }

    /** Email HTML, email text and the web page, from an article parsed in setup. */
    @Benchmark
    public RenderedArticle renderOnly() {
        return renderer.render(parsed);
    }
}
