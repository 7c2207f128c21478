package io.github.csbscontract.server.wire;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request-body bytes all connections may hold at once. Bodies take from it as their bytes
 * arrive, not as their {@code Content-Length} declares, and give back when they are done; a
 * body that would pass it is refused, so no number of connections can exhaust the heap.
 */
final class BodyBudget {

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  BodyBudget(long limit) {
    this.limit = limit;
  }

  /** Takes {@code bytes} if they fit. */
  boolean take(int bytes) {
    long now = held.addAndGet(bytes);
    if (now > limit) {
      held.addAndGet(-bytes);
      return false;
    }
    return true;
  }

  void giveBack(long bytes) {
    held.addAndGet(-bytes);
  }

  long held() {
    return held.get();
  }
}
