package io.github.csbscontract.server.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests the server received on the operation's path, oldest first, when recording is on
 * ({@code ServerOptions.withRecording}): the last {@value #CAPACITY}, and fewer when their bodies
 * would hold more than about 16 MiB of heap together (the oldest go first), so that a recording
 * server under load, or under attack, cannot run out of memory.
 */
public final class RequestLog {

  public static final int CAPACITY = 1000;
  /** What the recorded bodies may take together, as estimated by {@link #heapBytes}. */
  static final long MAX_BODY_HEAP_BYTES = 16L * 1024 * 1024;
  /**
   * A parsed JSON tree against its text: a body of empty objects ({@code [{},{},...]}) takes about
   * 27 bytes of heap per character (an ObjectNode and its map per three characters), the worst
   * shape measured.
   */
  private static final int TREE_BYTES_PER_CHAR = 32;

  private final boolean enabled;
  private final Deque<RecordedRequest> requests = new ArrayDeque<>();
  private long bodyHeapBytes;

  public RequestLog(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  public synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  public synchronized void clear() {
    requests.clear();
    bodyHeapBytes = 0;
  }

  /** The reference server calls this for each answered request on the operation's path. */
  public synchronized void add(RecordedRequest request) {
    if (!enabled) {
      return;
    }
    requests.addLast(request);
    bodyHeapBytes += heapBytes(request);
    while (requests.size() > CAPACITY || (bodyHeapBytes > MAX_BODY_HEAP_BYTES && requests.size() > 1)) {
      bodyHeapBytes -= heapBytes(requests.removeFirst());
    }
  }

  /** An upper estimate: two bytes a character of text, plus the tree when the body was parsed. */
  static long heapBytes(RecordedRequest request) {
    if (request.rawBody() == null) {
      return 0;
    }
    long chars = request.rawBody().length();
    return 2 * chars + (request.body() == null ? 0 : TREE_BYTES_PER_CHAR * chars);
  }
}
