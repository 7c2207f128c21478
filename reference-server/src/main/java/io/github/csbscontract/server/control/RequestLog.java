package io.github.csbscontract.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The requests the server received on the operation's path, oldest first, when recording is on
 * ({@code ServerOptions.withRecording}): the last {@value #CAPACITY}, and fewer when together they
 * would weigh more than about 8 MiB (the oldest go first), so that a recording server under load,
 * or under attack, cannot run out of memory, whether it keeps them or sends them as JSON.
 *
 * <p>A request belongs to the log of the moment it arrived: one still in flight when the log is
 * cleared (a test's client gave up on a delayed answer, and the next test began) is never
 * recorded after the clear, so that each test sees its own requests only.
 */
public final class RequestLog {

  public static final int CAPACITY = 1000;
  /** What the recorded requests may weigh together, by {@link #weight}. */
  static final long MAX_WEIGHT = 8L * 1024 * 1024;
  /**
   * Heap per node of a parsed JSON body: an empty object node and its map take about 80 bytes,
   * which made a body of {@code [{},{},...]} about 27 times its text.
   */
  private static final int BYTES_PER_TREE_NODE = 80;
  /** Heap of a header's list entry, map entry and string headers, besides its characters. */
  private static final int BYTES_PER_HEADER_VALUE = 96;

  private final boolean enabled;
  private final Deque<Weighed> requests = new ArrayDeque<>();
  private long weight;
  /** Counts the clears; a request is stamped with it on arrival ({@link #epoch()}). */
  private volatile long epoch;

  public RequestLog(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  public synchronized List<RecordedRequest> all() {
    return requests.stream().map(Weighed::request).toList();
  }

  /** Forgets every request, and every one still in flight that would otherwise be recorded later. */
  public synchronized void clear() {
    requests.clear();
    weight = 0;
    epoch++;
  }

  /** The stamp of a request that arrives now, for {@link #add(RecordedRequest, long)}. */
  public long epoch() {
    return epoch;
  }

  /** Records a request whatever its arrival. */
  public void add(RecordedRequest request) {
    add(request, -1);
  }

  /**
   * The reference server calls this for each answered request on the operation's path, with the
   * {@link #epoch()} of its arrival: a request that arrived before the last clear is dropped.
   */
  public void add(RecordedRequest request, long arrivedIn) {
    if (!enabled) {
      return;
    }
    // Weighed outside the lock: it reads every character once.
    Weighed weighed = new Weighed(request, weight(request));
    synchronized (this) {
      if (arrivedIn >= 0 && arrivedIn != epoch) {
        return;
      }
      requests.addLast(weighed);
      weight += weighed.weight;
      while (requests.size() > CAPACITY || (weight > MAX_WEIGHT && requests.size() > 1)) {
        weight -= requests.removeFirst().weight;
      }
    }
  }

  /**
   * An upper estimate of what a request costs twice: the heap that holds it (two bytes a
   * character, the nodes of a parsed body) and the bytes it adds to the JSON list of
   * {@code GET /_csbs/requests} (a control character is written as six).
   */
  static long weight(RecordedRequest request) {
    long total = 2L * request.path().length() + escapedLength(request.path());
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      for (String value : header.getValue()) {
        total += BYTES_PER_HEADER_VALUE + 3L * (header.getKey().length() + value.length()) + escapedLength(value);
      }
    }
    if (request.rawBody() != null) {
      total += 2L * request.rawBody().length() + escapedLength(request.rawBody());
    }
    if (request.body() != null) {
      total += BYTES_PER_TREE_NODE * nodes(request.body());
    }
    return total;
  }

  private static long escapedLength(String text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      length += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : 3;
    }
    return length;
  }

  /** Counted without recursion: a body may nest as deep as the parser allows. */
  private static long nodes(JsonNode root) {
    long count = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      count++;
      node.forEach(pending::push);
    }
    return count;
  }

  private record Weighed(RecordedRequest request, long weight) {}
}
