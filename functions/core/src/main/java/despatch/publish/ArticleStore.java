package despatch.publish;

/** Article records: one per slug, replaced when the article is uploaded again. */
public interface ArticleStore {
    void save(ArticleRecord record);
}
