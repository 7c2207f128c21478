package io.github.csbscontract.server.wire;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections, for a graceful stop. */
final class Connections {

  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  void opened(Connection connection) {
    open.add(connection);
  }

  void closed(Connection connection) {
    open.remove(connection);
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * Idle connections close now, busy ones after their answer; those still open after
   * {@code grace} are closed.
   */
  void shutDown(Duration grace) throws InterruptedException {
    List.copyOf(open).forEach(Connection::shutDown);
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (this) {
      for (long left = grace.toMillis(); !open.isEmpty() && left > 0;
          left = (deadline - System.nanoTime()) / 1_000_000) {
        wait(left);
      }
    }
    List.copyOf(open).forEach(Connection::forceClose);
  }
}
