package despatch.site;

import despatch.publish.ArticleRecord;

/** Renders a published article's page again, from its upload, with the templates as they are now. */
public interface PageRerenderer {
    /** The new page, or why there is none (the page then stays as it was rendered when published). */
    record Result(String html, String notRerendered) {
        static Result page(String html) {
            return new Result(html, null);
        }

        static Result kept(String why) {
            return new Result(null, why);
        }
    }

    Result rerender(ArticleRecord record);
}
