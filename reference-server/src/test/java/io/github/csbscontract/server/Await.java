package io.github.csbscontract.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/**
 * Waits for what a server does in its own time: a condition checked until it holds, never a
 * sleep sized for today's machine. The limit only stops a test that would otherwise hang, so it
 * is generous; a slow machine makes the wait longer, not the test red.
 */
public final class Await {

  /** How long a test may wait for a condition before it fails. */
  public static final Duration LIMIT = Duration.ofSeconds(30);

  /** Something the test observes on the wire or in the server's state. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Await() {
  }

  public static void until(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as("%s, within %s", what, LIMIT).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
