package despatch.sending;

/**
 * How far fan-out has got: the campaign's lists are paged in order, each from the subscriber id
 * after which the last page ended.
 *
 * @param listIndex which of the campaign's lists (in the office's order) is being paged
 * @param after the last subscriber id enqueued from that list, or null at its start
 */
public record FanOutCursor(int listIndex, String after) {
    public static final FanOutCursor START = new FanOutCursor(0, null);
}
