package despatch.article;

/** The picture at the top of an article; alt text is required so that every reader gets it. */
public record HeroImage(String url, String alt) {
}
