package despatch.render;

import despatch.article.HeroImage;
import despatch.article.SocialCard;
import despatch.office.Office;
import despatch.office.SitePaths;

/**
 * A picture as the templates show it. Width and height are null when unknown (an image at a web
 * address); templates then leave them out.
 *
 * @param srcset the picture at each width made, or null; with {@code sizes}
 * @param largestUrl the widest version: emails show it at the column's width, sharp on any screen
 */
public record ImageView(String url, String alt, Integer width, Integer height, String srcset, String sizes, String largestUrl) {
    /** The page's column, as the article page's stylesheet lays it out. */
    static final String COLUMN_SIZES = "(min-width: 40rem) 37.5rem, calc(100vw - 2.5rem)";
    /** The size of the office's default card, templates/site/social-card.png. */
    static final int CARD_WIDTH = 1200;
    static final int CARD_HEIGHT = 630;

    static ImageView hero(HeroImage hero) {
        if (hero == null) {
            return null;
        }
        return new ImageView(hero.url(), hero.alt(), hero.width(), hero.height(), hero.srcset(), hero.srcset() == null ? null : COLUMN_SIZES,
                hero.largestUrl() == null ? hero.url() : hero.largestUrl());
    }

    /**
     * The card a shared link shows: the article's own, else its hero image at a web address as
     * given (never fetched, so its size is unknown), else the office's default card.
     */
    static ImageView card(SocialCard card, HeroImage hero, Office office) {
        if (card != null) {
            return new ImageView(card.url(), card.alt(), card.width(), card.height(), null, null, card.url());
        }
        if (hero != null && hero.width() == null) {
            return new ImageView(hero.url(), hero.alt(), null, null, null, null, hero.url());
        }
        return officeCard(office);
    }

    static ImageView officeCard(Office office) {
        String url = office.siteBaseUrl() + "/" + SitePaths.DEFAULT_CARD;
        return new ImageView(url, office.name(), CARD_WIDTH, CARD_HEIGHT, null, null, url);
    }
}
