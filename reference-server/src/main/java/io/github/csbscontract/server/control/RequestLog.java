package io.github.csbscontract.server.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests the server received on the operation's path, oldest first, when recording is on
 * ({@code ServerOptions.withRecording}); the last {@value #CAPACITY} are kept.
 */
public final class RequestLog {

  public static final int CAPACITY = 1000;

  private final boolean enabled;
  private final Deque<RecordedRequest> requests = new ArrayDeque<>();

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
  }

  /** The reference server calls this for each answered request on the operation's path. */
  public synchronized void add(RecordedRequest request) {
    if (!enabled) {
      return;
    }
    if (requests.size() == CAPACITY) {
      requests.removeFirst();
    }
    requests.addLast(request);
  }
}
