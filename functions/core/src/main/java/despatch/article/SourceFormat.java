package despatch.article;

import java.util.Locale;

/** What the file name says the upload is. */
enum SourceFormat {
    MARKDOWN, PLAIN_TEXT;

    static SourceFormat of(String fileName) throws ArticleRejectedException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (lower.endsWith(".txt") || lower.endsWith(".text")) {
            return PLAIN_TEXT;
        }
        int dot = lower.lastIndexOf('.');
        String found = dot < 0 ? "has no extension" : "is a " + lower.substring(dot) + " file";
        throw new ArticleRejectedException(new Problem("file name", "'" + fileName + "' " + found
                + ". Upload articles as Markdown (.md) or plain text (.txt)."));
    }

    String toHtml(java.util.List<String> paragraphs) throws ArticleRejectedException {
        return this == MARKDOWN ? MarkdownHtml.toHtml(String.join("\n\n", paragraphs)) : PlainTextHtml.toHtml(paragraphs);
    }
}
