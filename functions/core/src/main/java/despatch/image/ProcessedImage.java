package despatch.image;

import java.util.List;

/**
 * @param renditions at {@link Images#plan}'s sizes, narrowest first
 * @param card the social card (Open Graph, Twitter), at {@link Images#cardSize}
 */
public record ProcessedImage(List<Rendition> renditions, Rendition card) {
    public ProcessedImage {
        renditions = List.copyOf(renditions);
    }
}
