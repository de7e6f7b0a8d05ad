package despatch.article;

import despatch.office.Office;
import java.time.Clock;

/**
 * Upload bytes to a validated {@link Article}: decode, split off front matter, find the parts
 * offices type by hand, then fill defaults and check every field. Thread-safe; build one.
 */
public final class ArticleParser {
    private final Office office;
    private final Clock clock;

    public ArticleParser(Office office, Clock clock) {
        this.office = office;
        this.clock = clock;
    }

    /** The office the articles are checked against and published for. */
    public Office office() {
        return office;
    }

    /**
     * @param fileName the upload's name (its key's last part), which decides Markdown or plain text
     * @throws ArticleRejectedException listing every problem, each with what to fix
     */
    public ParsedArticle parse(String fileName, byte[] content) throws ArticleRejectedException {
        SourceFormat format = SourceFormat.of(fileName);
        DocxMarkdown.Converted document = format == SourceFormat.DOCX ? DocxMarkdown.of(content) : null;
        String text = document != null ? document.markdown() : UploadText.decode(content);
        FrontMatter.Split split = FrontMatter.split(text);
        Problems problems = new Problems();
        FrontMatterFields fields = new FrontMatterFields(split.fields(), problems);
        SourceLayout.Parts parts = SourceLayout.read(split.body(), format.isMarkdown());
        ParsedArticle parsed = new ArticleAssembler(office, clock, format, fileName, fields, parts, problems).assemble();
        return document == null ? parsed : parsed.withPictures(document.pictures());
    }
}
