package dev.ebayalerts.pubsub;

/**
 * An entry was not appended to a stream because one of the transport's limits was reached: the
 * stream held {@code pubsub.max-length} entries, or Redis used {@code pubsub.max-memory-fill} of
 * its {@code maxmemory}. Nothing was written; the caller keeps the entry and tries again later.
 */
final class StreamFull extends RuntimeException {

  private final String limit;

  private StreamFull(String limit, String message) {
    super(message);
    this.limit = limit;
  }

  static StreamFull atMaxLength(String stream, long length, long maxLength) {
    return new StreamFull(
        StreamAppender.MAX_LENGTH,
        "stream %s holds %d entries, pubsub.max-length is %d".formatted(stream, length, maxLength));
  }

  static StreamFull atMaxMemoryFill(long usedMemory, long maxMemory, double maxMemoryFill) {
    return new StreamFull(
        StreamAppender.MAX_MEMORY_FILL,
        ("Redis uses %d of its %d bytes of maxmemory (%d%%), pubsub.max-memory-fill is %d%%: the"
                + " rest is kept for other keys")
            .formatted(
                usedMemory,
                maxMemory,
                usedMemory * 100 / maxMemory,
                Math.round(maxMemoryFill * 100)));
  }

  /** The setting that refused the entry: {@code max-length} or {@code max-memory-fill}. */
  String limit() {
    return limit;
  }
}
