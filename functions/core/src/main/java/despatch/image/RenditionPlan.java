package despatch.image;

import java.util.List;
import java.util.TreeSet;

/**
 * Which widths an image is published at. Never wider than the source: enlarging adds bytes, not
 * detail. An image narrower than the widest wanted width is also published at its own width, so
 * wide screens get every pixel there is.
 */
final class RenditionPlan {
    private RenditionPlan() {
    }

    static List<Size> plan(int width, int height, List<Integer> wantedWidths) {
        TreeSet<Integer> widths = new TreeSet<>();
        int widest = 0;
        for (int wanted : wantedWidths) {
            if (wanted <= 0) {
                throw new IllegalArgumentException("a rendition width must be positive, not " + wanted);
            }
            widest = Math.max(widest, wanted);
            if (wanted <= width) {
                widths.add(wanted);
            }
        }
        if (width < widest) {
            widths.add(width);
        }
        return widths.stream().map(w -> new Size(w, (int) Math.max(1, Math.round((double) w * height / width)))).toList();
    }
}
