package despatch.publish;

/** Article records: one per slug, replaced when the article is uploaded again. */
public interface ArticleStore {
    void save(ArticleRecord record);

    /** Which upload the article at this slug came from, if there is one. */
    java.util.Optional<String> uploadKeyOf(String slug);
}
