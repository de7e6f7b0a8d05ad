package despatch.publish;

import despatch.article.Article;
import despatch.article.ArticleRejectedException;
import despatch.article.HeroImage;
import despatch.article.ImageRef;
import despatch.article.ParsedArticle;
import despatch.article.Problem;
import despatch.article.SocialCard;
import despatch.common.Hashes;
import despatch.image.ImageInfo;
import despatch.image.ImageRejectedException;
import despatch.image.Images;
import despatch.image.ProcessedImage;
import despatch.image.Rendition;
import despatch.image.Size;
import despatch.office.SitePaths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The images an upload brings with it (files beside it, pictures in its Word document) made ready
 * for the page and the email. Every image is read and checked before any is processed, and all are
 * processed before anything is written, so a bad image rejects the upload and writes nothing.
 *
 * <p>Each image is stored under the article's address as {@code <id>-<width>.<ext>}, its id a hash
 * of the source bytes: the same photograph uploaded again is not processed again, a replaced one
 * gets new addresses (so no cache serves the old one), and an email already sent keeps its pictures.
 */
public final class ArticleImages {
    /** The page's column is 37.5rem (600 px); 1,280 serves screens of twice the density, and emails at 600. */
    static final List<Integer> WIDTHS = List.of(640, 1280);
    /** What the browser is told about the column, so it picks the smallest file that is sharp. */
    static final String SIZES = "(min-width: 40rem) 37.5rem, calc(100vw - 2.5rem)";
    /** Part of each image's id: change it when processing changes, so a re-render makes the new files. */
    static final String PROCESSING = "1";
    /**
     * What one article may bring, so that it is refused with the reason rather than running out of
     * time: eight phone photographs' worth of pixels (each takes about 0.65 s of a CPU), and bytes
     * as a Word document may unpack to.
     */
    static final long MAX_TOTAL_PIXELS = 100_000_000L;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    private final UploadStore uploads;
    private final String siteBaseUrl;

    /** @param uploads where files beside an upload are read; null where there are none (a preview of pasted text) */
    public ArticleImages(UploadStore uploads, String siteBaseUrl) {
        this.uploads = uploads;
        this.siteBaseUrl = siteBaseUrl.endsWith("/") ? siteBaseUrl : siteBaseUrl + "/";
    }

    /**
     * The article with its images in place, and the files not yet on the site (none for a preview).
     *
     * @param uploadFingerprint what an approval, and a re-render, hold the upload to: the SHA-256 of
     *     its bytes, and, when it shows images uploaded beside it, of those too (see {@link #fingerprint})
     */
    public record Prepared(ParsedArticle parsed, List<ImageFile> files, String uploadFingerprint) {
    }

    private record Checked(ImageRef ref, byte[] bytes, ImageInfo info, String id) {
    }

    /** Where an image ended up: its address and size in the page, and the card it would make. */
    private record Placed(String src, int width, int height, String srcset, String largest, SocialCard card) {
    }

    /**
     * @param uploadKey the upload, beside which its image files are found
     * @param site where the article's images already are (listed once, only when it has any): those are not made again
     */
    public Prepared forSite(String uploadKey, byte[] content, ParsedArticle parsed, SitePublisher site) throws ArticleRejectedException {
        if (parsed.images().isEmpty()) {
            return new Prepared(parsed, List.of(), Hashes.sha256(content));
        }
        String folder = SitePaths.articleImages(parsed.article().slug());
        Set<String> onSite = site.keysUnder(folder);
        Integer cardImage = cardImage(parsed);
        Map<String, Placed> placed = new HashMap<>();
        Map<String, ImageFile> files = new LinkedHashMap<>();
        List<Checked> checked = check(uploadKey, parsed);
        for (Checked image : checked) {
            String stem = folder + image.id() + "-";
            String extension = image.info().outputExtension();
            List<Size> sizes = Images.plan(image.info(), WIDTHS);
            Size cardSize = Images.cardSize(image.info());
            boolean wantsCard = Integer.valueOf(image.ref().number()).equals(cardImage);
            List<String> keys = new ArrayList<>(sizes.stream().map(size -> stem + size.width() + "." + extension).toList());
            String cardKey = stem + "card." + extension;
            if (wantsCard) {
                keys.add(cardKey);
            }
            if (!keys.stream().allMatch(key -> onSite.contains(key) || files.containsKey(key))) {
                ProcessedImage processed = process(image, WIDTHS);
                for (Rendition rendition : processed.renditions()) {
                    String key = stem + rendition.width() + "." + extension;
                    files.put(key, new ImageFile(key, rendition.bytes(), rendition.contentType()));
                }
                if (wantsCard) {
                    files.put(cardKey, new ImageFile(cardKey, processed.card().bytes(), processed.card().contentType()));
                }
            }
            Size shown = sizes.getFirst();
            StringBuilder srcset = new StringBuilder();
            for (Size size : sizes) {
                srcset.append(srcset.isEmpty() ? "" : ", ").append(url(stem + size.width() + "." + extension)).append(' ')
                        .append(size.width()).append('w');
            }
            SocialCard card = wantsCard ? new SocialCard(url(cardKey), cardSize.width(), cardSize.height(), image.ref().alt()) : null;
            placed.put(image.ref().placeholder(), new Placed(url(stem + shown.width() + "." + extension), shown.width(), shown.height(),
                    srcset.toString(), url(stem + sizes.getLast().width() + "." + extension), card));
        }
        return new Prepared(parsed.with(placedIn(parsed.article(), placed)), List.copyOf(files.values()), fingerprint(content, checked));
    }

    /**
     * For a preview, which writes nothing: the images inline in the page, at the column's width.
     *
     * @param uploadKey the upload previewed, or null for content given inline (only a Word document's own pictures are found)
     */
    public Prepared forPreview(String uploadKey, byte[] content, ParsedArticle parsed) throws ArticleRejectedException {
        if (parsed.images().isEmpty()) {
            return new Prepared(parsed, List.of(), Hashes.sha256(content));
        }
        Map<String, Placed> placed = new HashMap<>();
        Map<String, Placed> byId = new HashMap<>();
        List<Checked> checked = check(uploadKey, parsed);
        for (Checked image : checked) {
            Placed at = byId.get(image.id());
            if (at == null) {
                // Only what the preview shows: the column's width, not the sharp-screen copy; each file once.
                Rendition shown = process(image, WIDTHS.subList(0, 1)).renditions().getFirst();
                String data = "data:" + shown.contentType() + ";base64," + Base64.getEncoder().encodeToString(shown.bytes());
                at = new Placed(data, shown.width(), shown.height(), null, data, null);
                byId.put(image.id(), at);
            }
            placed.put(image.ref().placeholder(), at);
        }
        return new Prepared(parsed.with(placedIn(parsed.article(), placed)), List.of(), fingerprint(content, checked));
    }

    /**
     * The fingerprint of an upload as it stands now, for an approver's check that it has not changed
     * since they reviewed it. An image that cannot be read counts as missing; an upload that no
     * longer parses is its bytes alone (it cannot be waiting for approval).
     */
    public String fingerprintNow(String uploadKey, byte[] content, ParsedArticle parsed) {
        StringBuilder images = new StringBuilder();
        for (ImageRef ref : parsed.images()) {
            if (ref.origin() == ImageRef.Origin.BESIDE_UPLOAD) {
                String hash;
                try {
                    hash = Hashes.sha256(uploads.read(ImageRef.besideFolder(uploadKey) + ref.source(), Images.MAX_BYTES));
                } catch (ArticleRejectedException | UploadNotFoundException e) {
                    hash = "missing";
                }
                images.append(ref.source()).append(' ').append(hash).append('\n');
            }
        }
        return combined(content, images);
    }

    /**
     * An upload is more than its own bytes when it shows images uploaded beside it: an image
     * replaced after an approver looked must not go out on their approval. Without such images it
     * is the SHA-256 of the upload's bytes, as it always was (approvals and records made before
     * images stay valid).
     */
    private static String fingerprint(byte[] content, List<Checked> checked) {
        StringBuilder images = new StringBuilder();
        for (Checked image : checked) {
            if (image.ref().origin() == ImageRef.Origin.BESIDE_UPLOAD) {
                images.append(image.ref().source()).append(' ').append(Hashes.sha256(image.bytes())).append('\n');
            }
        }
        return combined(content, images);
    }

    private static String combined(byte[] content, StringBuilder images) {
        return images.isEmpty() ? Hashes.sha256(content) : Hashes.sha256(Hashes.sha256(content) + "\n" + images);
    }

    /** The card comes from the hero image if the upload brought it, else from its first picture that is not decoration. */
    private static Integer cardImage(ParsedArticle parsed) {
        HeroImage hero = parsed.article().heroImage();
        for (ImageRef ref : parsed.images()) {
            if (hero != null && hero.url().equals(ref.placeholder())) {
                return ref.number();
            }
        }
        if (hero != null) {
            return null;
        }
        return parsed.images().stream().filter(ref -> !ref.decorative()).map(ImageRef::number).findFirst().orElse(null);
    }

    /** Reads and checks every image (by its content: its kind, size and dimensions), and says all that is wrong at once. */
    private List<Checked> check(String uploadKey, ParsedArticle parsed) throws ArticleRejectedException {
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        long bytesRead = 0;
        for (ImageRef ref : parsed.images()) {
            try {
                byte[] bytes = bytesOf(uploadKey, parsed, ref);
                bytesRead += bytes.length;
                if (bytesRead > MAX_TOTAL_BYTES) {
                    // Read no further: the reason is known, and holding them all would cost the memory the limit protects.
                    problems.add(new Problem("images", "The article's images add up to more than " + MAX_TOTAL_BYTES / (1024 * 1024)
                            + " MiB, the most one article may bring. Export the photographs at a smaller size, and upload it again."));
                    break;
                }
                checked.add(new Checked(ref, bytes, Images.inspect(bytes), Hashes.sha256(PROCESSING + ":" + Hashes.sha256(bytes))
                        .substring(0, 16)));
            } catch (ImageRejectedException e) {
                problems.add(new Problem(ref.source(), capitalised(ref.label()) + ": " + e.getMessage() + inWord(ref)));
            } catch (ArticleRejectedException e) {
                problems.addAll(e.problems());
            }
        }
        problems.addAll(overBudget(checked));
        if (!problems.isEmpty()) {
            throw new ArticleRejectedException(problems);
        }
        return checked;
    }

    /** All the images' pixels together, each file once however often it is shown. */
    private static List<Problem> overBudget(List<Checked> checked) {
        Map<String, Checked> files = new HashMap<>();
        checked.forEach(image -> files.putIfAbsent(image.id(), image));
        long pixels = files.values().stream().mapToLong(image -> (long) image.info().width() * image.info().height()).sum();
        if (pixels <= MAX_TOTAL_PIXELS) {
            return List.of();
        }
        return List.of(new Problem("images", "The article's images add up to " + pixels / 1_000_000 + " megapixels; the most one article"
                + " may bring is " + MAX_TOTAL_PIXELS / 1_000_000 + " (eight phone photographs). Resize the largest to about 2,000 pixels"
                + " wide (a page shows them 1,280 wide at most), or leave some out, and upload it again."));
    }

    private byte[] bytesOf(String uploadKey, ParsedArticle parsed, ImageRef ref) throws ArticleRejectedException {
        if (ref.origin() == ImageRef.Origin.IN_DOCUMENT) {
            byte[] bytes = parsed.inDocument().get(ref.source());
            if (bytes == null) {
                throw rejected(ref, "Word shows a picture the document does not contain (" + ref.source() + "). Insert the picture again,"
                        + " save, and upload the document again.");
            }
            return bytes;
        }
        if (uploads == null || uploadKey == null) {
            throw rejected(ref, "An image beside the article is found only for an upload. Upload the article and the image, or give the "
                    + "image's https:// address.");
        }
        String key = ImageRef.besideFolder(uploadKey) + ref.source();
        try {
            return uploads.read(key, Images.MAX_BYTES);
        } catch (UploadNotFoundException e) {
            throw rejected(ref, "There is no " + key + ". Upload the image there (the folder is named after the article's file), "
                    + "then upload the article again.");
        } catch (ArticleRejectedException e) {
            throw rejected(ref, "It is larger than " + Images.MAX_BYTES / (1024 * 1024) + " MiB. Export it at about 4,000 pixels "
                    + "wide or less (a phone's photograph is well under this), and upload it again.");
        }
    }

    private static ProcessedImage process(Checked image, List<Integer> widths) throws ArticleRejectedException {
        try {
            return Images.process(image.bytes(), image.info(), widths);
        } catch (ImageRejectedException e) {
            throw rejected(image.ref(), e.getMessage());
        }
    }

    /** For a picture inside a Word document, where the fix is made: in the document, not in a file of its own. */
    private static String inWord(ImageRef ref) {
        return ref.origin() != ImageRef.Origin.IN_DOCUMENT ? "" : " Then, in the document, delete the picture, insert the saved file"
                + " (Insert, Pictures), give it its alt text again, and upload the document again.";
    }

    private static ArticleRejectedException rejected(ImageRef ref, String reason) {
        return new ArticleRejectedException(new Problem(ref.source(), capitalised(ref.label()) + ": " + reason));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String url(String key) {
        return siteBaseUrl + key;
    }

    private static Article placedIn(Article article, Map<String, Placed> placed) {
        HeroImage hero = article.heroImage();
        SocialCard card = placed.values().stream().map(Placed::card).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (hero != null && placed.containsKey(hero.url())) {
            Placed at = placed.get(hero.url());
            hero = new HeroImage(at.src(), hero.alt(), at.width(), at.height(), at.srcset(), at.largest());
        }
        return article.withImages(hero, placedIn(article.bodyHtml(), placed), placedIn(article.notesToEditorsHtml(), placed), card);
    }

    /** Each placeholder's image at its address, with its size (so the page does not jump as it loads) and its other widths. */
    private static String placedIn(String html, Map<String, Placed> placed) {
        if (html == null || placed.keySet().stream().noneMatch(html::contains)) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        for (Element image : document.select("img")) {
            Placed at = placed.get(image.attr("src"));
            if (at == null) {
                continue;
            }
            image.attr("src", at.src()).attr("width", Integer.toString(at.width())).attr("height", Integer.toString(at.height()));
            if (at.srcset() != null) {
                image.attr("srcset", at.srcset()).attr("sizes", SIZES);
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
