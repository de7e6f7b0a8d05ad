package despatch.article;

import java.util.Locale;

/** What the file name says the upload is. */
enum SourceFormat {
    MARKDOWN, PLAIN_TEXT,
    /** A Word document, read as the Markdown it would have been ({@link DocxMarkdown}). */
    DOCX;

    static SourceFormat of(String fileName) throws ArticleRejectedException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (lower.endsWith(".txt") || lower.endsWith(".text")) {
            return PLAIN_TEXT;
        }
        if (lower.endsWith(".docx")) {
            return DOCX;
        }
        if (lower.endsWith(".docm") || lower.endsWith(".doc")) {
            throw new ArticleRejectedException(new Problem("file name", "'" + fileName + "' is a " + lower.substring(lower.lastIndexOf('.'))
                    + " file: " + (lower.endsWith(".docm") ? "a document with macros, which is never opened" : "Word's old format")
                    + ". Save it as a Word Document (.docx) and upload that."));
        }
        int dot = lower.lastIndexOf('.');
        String found = dot < 0 ? "has no extension" : "is a " + lower.substring(dot) + " file";
        throw new ArticleRejectedException(new Problem("file name", "'" + fileName + "' " + found
                + ". Upload articles as Markdown (.md), plain text (.txt) or a Word document (.docx)."));
    }

    /** Whether the text is Markdown: written so, or made so from a Word document. */
    boolean isMarkdown() {
        return this != PLAIN_TEXT;
    }

    String toHtml(java.util.List<String> paragraphs) throws ArticleRejectedException {
        return isMarkdown() ? MarkdownHtml.toHtml(String.join("\n\n", paragraphs)) : PlainTextHtml.toHtml(paragraphs);
    }
}
