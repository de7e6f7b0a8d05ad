package despatch.article;

/**
 * The picture a link to the article shows when shared on social media or in a messaging app:
 * its photograph cropped to 1200×630 (1.91:1, what Facebook, LinkedIn, X and WhatsApp show).
 */
public record SocialCard(String url, int width, int height, String alt) {
}
