package despatch.local.checks;

import despatch.lambda.wiring.PublishingFactory;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.local.StackConnection;
import despatch.local.queue.QueueConsumers;
import despatch.local.serve.LocalWebServer;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.publish.Preview;
import despatch.publish.PreviewService;
import despatch.sending.EmailTemplate;
import despatch.subscription.AddressKey;
import despatch.subscription.AddressRecord;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.TokenSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every page type Despatch shows a reader, in one list: the Nu, axe and screenshot tests all
 * check exactly these. Built once per test JVM from the real code: articles from local/samples
 * by the real renderer, subscription pages from the real SubscriptionHandler behind the local
 * API on a local stack, reached over HTTP as a browser would (so each keeps its real headers).
 *
 * <p>To add a page type, add one line to {@link #build}: a {@link PageToCheck#webPage} for a
 * static page (the site builder's home, archive, listing and 404 pages go there), a
 * {@link PageToCheck#served} for an HTTP answer, a {@link PageToCheck#email} for an email's HTML
 * part. Names are unique; they name the test cases and files.
 */
final class PageTypes {
    /** A fixed clock, so dates in the pages (and the screenshots) do not change from run to run. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private static final String ADDRESS = "sam.example@example.org.uk";
    private static final String LIST = "newsletter";

    /** One sample article of each kind, and the press release's embargoed form. */
    private static final List<Sample> SAMPLES = List.of(
            new Sample("newsletter", "november-newsletter.md"),
            new Sample("press-release", "flood-defence-funding.txt"),
            new Sample("press-release-embargoed", "school-funding-embargoed.md"),
            // A photograph beside it and a table in it.
            new Sample("newsletter-with-photo", "swimming-pool-reopens.md"));

    private static List<PageToCheck> pages;

    private record Sample(String kind, String file) {
    }

    private PageTypes() {
    }

    /** Every page type; the first call starts a local stack for a few seconds. */
    static synchronized List<PageToCheck> all() {
        if (pages == null) {
            pages = build();
        }
        return pages;
    }

    /** The pages of the site and the subscription API, without the emails. */
    static List<PageToCheck> webPages() {
        return all().stream().filter(page -> page.kind() == PageToCheck.Kind.WEB_PAGE).toList();
    }

    static PageToCheck named(String name) {
        return all().stream().filter(page -> page.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No page type named " + name));
    }

    private static List<PageToCheck> build() {
        Path root = ProjectRoot.find();
        try (LocalAwsStack stack = LocalAwsStack.start();
                StackConnection connection = StackConnection.to(stack);
                LocalWebServer server = LocalWebServer.startApi(connection, stack.template(), root, 0);
                // As serve runs them: the subscribe request is recorded and confirmed by the queue's consumer.
                QueueConsumers consumers = QueueConsumers.forStack(stack).start()) {
            // The site is published meanwhile, as an office's would be while constituents use the forms.
            CompletableFuture<PublishedSite> published = CompletableFuture.supplyAsync(() -> publishSite(stack, root));
            HtmlClient api = new HtmlClient(server.baseUrl());
            List<PageToCheck> types = new ArrayList<>();

            // The subscription API, in the order a constituent meets it.
            types.add(PageToCheck.served("subscribe", api.get("/subscribe", 200)));
            types.add(PageToCheck.served("subscribe-with-errors", api.post("/subscriptions", "email=sam+at+example", 400)));
            types.add(PageToCheck.served("check-your-email", api.post("/subscriptions",
                    "email=" + encode(ADDRESS) + "&lists=" + LIST, 202)));
            CapturedEmail confirmation = awaitEmailTo(stack, ADDRESS);
            types.add(PageToCheck.email("email-confirmation", confirmation.html()));
            String confirmLink = linkIn(confirmation, server.baseUrl() + "/confirm");
            types.add(PageToCheck.served("confirm", api.get(confirmLink, 200)));
            types.add(PageToCheck.served("subscribed", api.post("/confirm", "token=" + encode(token(confirmLink)), 200)));
            // Links from a newsletter, signed as the sender signs them.
            SubscriptionLinks links = new SubscriptionLinks(server.baseUrl().toString(), signer(stack));
            String subscriberId = subscriberId(stack, ADDRESS);
            types.add(PageToCheck.served("preferences", api.get(links.preferencesUrl(subscriberId), 200)));
            types.add(PageToCheck.served("unsubscribe", api.get(links.unsubscribeUrl(subscriberId), 200)));
            types.add(PageToCheck.served("my-data", api.get("/my-data", 200)));
            // Any other address on the API. Only a POST reaches the function here: the local server
            // answers other GETs from the site bucket, where in AWS the API has an address of its own.
            types.add(PageToCheck.served("api-404", api.post("/no-such-page", "", 404)));

            // Articles as publishing renders them: the web page and the email of each kind.
            PreviewService previews = PublishingFactory.offlinePreviewService(
                    Settings.from(stack.environmentFor(Setting.Function.PreviewFunction.name()), Setting.Function.PreviewFunction).office(),
                    CLOCK, new despatch.local.LocalFolderUploads(root.resolve("local/samples")));
            String unsubscribeUrl = links.unsubscribeUrl(subscriberId);
            for (Sample sample : SAMPLES) {
                Preview preview = render(previews, root.resolve("local/samples").resolve(sample.file()));
                types.add(PageToCheck.webPage("article-" + sample.kind(), preview.rendered().webHtml()));
                types.add(PageToCheck.email("email-" + sample.kind(),
                        new EmailTemplate(preview.rendered().emailHtml(), preview.rendered().emailText()).html(unsubscribeUrl)));
            }

            // The site as publishing and the site function leave it in the bucket.
            PublishedSite site = published.join();
            types.add(PageToCheck.webPage("home", site.page("index.html")));
            types.add(PageToCheck.webPage("archive", site.page("archive/index.html")));
            types.add(PageToCheck.webPage("archive-year", site.page("archive/2026/index.html")));
            types.add(PageToCheck.webPage("listing-press-releases", site.page("press-releases/index.html")));
            types.add(PageToCheck.webPage("listing-newsletters", site.page("newsletters/index.html")));
            types.add(PageToCheck.webPage("listing-older-page", site.page("newsletters/page/1/index.html")));
            types.add(PageToCheck.webPage("article-corrected", site.page("articles/week-1-in-llanfair-cafe-quotes/index.html")));
            // As published: its photograph at the site's address, in two widths, with its size; and a table.
            types.add(PageToCheck.webPage("article-with-photo-published",
                    site.page("articles/llanfairs-swimming-pool-reopens-after-its-refit/index.html")));
            types.add(PageToCheck.webPage("not-found", site.page("404.html")));
            types.addAll(ConsolePageTypes.build(stack));
            return unique(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PublishedSite publishSite(LocalAwsStack stack, Path root) {
        try {
            return PublishedSite.publish(stack, root.resolve("local/samples"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PageToCheck> unique(List<PageToCheck> types) {
        Set<String> names = new HashSet<>();
        for (PageToCheck type : types) {
            if (!names.add(type.name())) {
                throw new IllegalStateException("Two page types are named " + type.name() + ": names must be unique");
            }
        }
        return List.copyOf(types);
    }

    private static Preview render(PreviewService previews, Path sample) throws IOException {
        Preview preview = previews.previewUpload(despatch.local.LocalFolderUploads.keyOf(sample));
        if (!preview.accepted()) {
            throw new IllegalStateException("The sample " + sample + " no longer renders: " + preview.problems());
        }
        return preview;
    }

    private static TokenSigner signer(LocalAwsStack stack) {
        String arn = stack.environmentFor(Setting.Function.SubscriptionFunction.name()).get(Setting.SIGNING_SECRET_ARN.name());
        return new TokenSigner(SecretsManagerSigningSecret.read(stack.secretsManager(), arn), Clock.systemUTC());
    }

    private static String subscriberId(LocalAwsStack stack, String address) {
        String table = stack.environmentFor(Setting.Function.SubscriptionFunction.name()).get(Setting.SUBSCRIBERS_TABLE.name());
        try {
            return new DynamoDbSubscriberStore(stack.dynamoDb(), table).findAddress(AddressKey.of(EmailAddress.parse(address)))
                    .flatMap(AddressRecord::subscriberId)
                    .orElseThrow(() -> new IllegalStateException("No subscriber for the address that just signed up"));
        } catch (InvalidEmailAddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static CapturedEmail awaitEmailTo(LocalAwsStack stack, String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (CapturedEmail email : stack.capturedEmails()) {
                if (email.to().contains(address)) {
                    return email;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("No email to " + address + " reached the SES emulator");
    }

    private static String linkIn(CapturedEmail email, String prefix) {
        Matcher link = Pattern.compile(Pattern.quote(prefix + "?token=") + "[^\\s\"<]+").matcher(email.text());
        if (!link.find()) {
            throw new IllegalStateException("No " + prefix + " link in the email:\n" + email.text());
        }
        return link.group();
    }

    private static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Asks as a browser does (HTML first) and insists on the status that page type has. */
    private record HtmlClient(URI baseUrl, HttpClient client) {
        HtmlClient(URI baseUrl) {
            this(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }

        HttpResponse<String> get(String pathOrUrl, int expectedStatus) {
            return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET(), expectedStatus);
        }

        HttpResponse<String> post(String path, String form, int expectedStatus) {
            return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), expectedStatus);
        }

        private URI resolve(String pathOrUrl) {
            return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(baseUrl + pathOrUrl);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) {
            HttpRequest built = request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) despatch-page-checks").timeout(Duration.ofSeconds(20)).build();
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != expectedStatus) {
                    throw new IllegalStateException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                            + ", not " + expectedStatus + ":\n" + response.body());
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
