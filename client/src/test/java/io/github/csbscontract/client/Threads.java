package io.github.csbscontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** The live threads a test looks for, and a condition to wait for, polled under a 30 s guard. */
final class Threads {

  static final String DEADLINES = "csbs-client-deadlines-";

  private Threads() {}

  static Set<Thread> named(Predicate<String> named) {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (named.test(thread.getName()) && thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /** The clients' deadline threads alive now. */
  static Set<Thread> deadlineThreads() {
    return named(name -> name.startsWith(DEADLINES));
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - giveUp).as("condition not met within 30 s").isNegative();
      Thread.sleep(5);
    }
  }
}
