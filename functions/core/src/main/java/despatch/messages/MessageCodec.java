package despatch.messages;

/**
 * How one queue's message type is written to and read from a message body. Every producer and
 * consumer of the queue uses the same codec, so the two cannot drift apart.
 */
public interface MessageCodec<T> {
    String write(T message);

    /** @throws UnreadableMessageException when the body is not this queue's message: retrying cannot fix it */
    T read(String body) throws UnreadableMessageException;
}
