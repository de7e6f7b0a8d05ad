package despatch.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.article.Article;
import despatch.article.Text;
import despatch.office.Office;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** schema.org NewsArticle for search engines, safe to embed in a script element. */
final class JsonLd {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Google truncates headlines beyond this. */
    private static final int HEADLINE_LIMIT = 110;

    private JsonLd() {
    }

    /** @param updatedAt when a correction replaced the article, or null */
    static String newsArticle(Article article, Office office, String canonicalUrl, java.time.Instant updatedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", Text.shorten(article.title(), HEADLINE_LIMIT));
        json.put("description", article.summary());
        json.put("datePublished", article.date().toString());
        if (updatedAt != null) {
            json.put("dateModified", Timestamps.iso(updatedAt));
        }
        json.put("inLanguage", office.language().toLanguageTag());
        json.put("mainEntityOfPage", canonicalUrl);
        json.put("url", canonicalUrl);
        Map<String, Object> publisher = Map.of("@type", "Organization", "name", office.name(), "url", office.siteBaseUrl());
        json.put("author", article.author() == null ? publisher : Map.of("@type", "Person", "name", article.author()));
        json.put("publisher", publisher);
        if (article.heroImage() != null) {
            List<String> images = new java.util.ArrayList<>(List.of(article.heroImage().largestUrl()));
            if (article.socialCard() != null) {
                images.add(article.socialCard().url());
            }
            json.put("image", images);
        }
        try {
            return scriptSafe(MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD of plain maps cannot fail to serialise", e);
        }
    }

    /** Within JSON these characters only occur inside strings, where the \\u escapes mean the same. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
