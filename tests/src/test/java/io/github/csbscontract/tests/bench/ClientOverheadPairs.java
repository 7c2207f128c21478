package io.github.csbscontract.tests.bench;

import java.util.Arrays;

/**
 * {@link ClientOverheadBenchmark}'s three calls measured in pairs: short blocks of each,
 * alternating in one JVM, and the median of the blocks' ratios. JMH runs its benchmarks one after
 * another, so on a shared machine each gets the machine as it is during its own 40 s, and a
 * loopback round trip moves by more than the client's cost between them; blocks a few
 * milliseconds apart see the same machine.
 *
 * <p>{@code ./mvnw -q install -DskipTests -Dinvoker.skip && ./mvnw -q -pl tests exec:exec@pairs
 * [-Dpairs.args="PAIRS BLOCK WARM-UP-SECONDS"]} (defaults 300 pairs of 100-call blocks, after 30 s
 * of warming up).
 */
public final class ClientOverheadPairs {

  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }

  private ClientOverheadPairs() {
  }

  public static void main(String[] args) throws Exception {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    ClientOverheadBenchmark calls = new ClientOverheadBenchmark();
    calls.setUp();
    try {
      // Until the JIT is done: with two cores, a compiler thread still at work takes turns with
      // the blocks being timed (-XX:+PrintCompilation: still hundreds of compilations 10 s in).
      long warmUpEnds = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
      while (System.nanoTime() < warmUpEnds) {
        for (int i = 0; i < 100; i++) {
          calls.rawOkHttpAndJackson();
          calls.client();
          calls.clientWithoutValidation();
        }
      }
      double[] raw = new double[pairs];
      double[] client = new double[pairs];
      double[] unvalidated = new double[pairs];
      for (int p = 0; p < pairs; p++) {
        // The order turns each time, so that neither side always runs right after the other.
        if (p % 2 == 0) {
          raw[p] = perCall(block, calls::rawOkHttpAndJackson);
          client[p] = perCall(block, calls::client);
          unvalidated[p] = perCall(block, calls::clientWithoutValidation);
        } else {
          unvalidated[p] = perCall(block, calls::clientWithoutValidation);
          client[p] = perCall(block, calls::client);
          raw[p] = perCall(block, calls::rawOkHttpAndJackson);
        }
      }
      System.out.printf("%d pairs of %d-call blocks; medians:%n", pairs, block);
      System.out.printf("raw OkHttp + Jackson           %8.1f us%n", median(raw));
      System.out.printf("CsbsClient, validation off     %8.1f us   %.2fx raw%n", median(unvalidated), medianRatio(unvalidated, raw));
      System.out.printf("CsbsClient (default)           %8.1f us   %.2fx raw%n", median(client), medianRatio(client, raw));
    } finally {
      calls.tearDown();
    }
  }

  /** Microseconds per call over one block. */
  private static double perCall(int calls, Call call) throws Exception {
    long started = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    return (System.nanoTime() - started) / 1_000.0 / calls;
  }

  /** The median of each pair's ratio, not the ratio of the medians: each pair saw one machine. */
  private static double medianRatio(double[] side, double[] raw) {
    double[] ratios = new double[side.length];
    for (int i = 0; i < side.length; i++) {
      ratios[i] = side[i] / raw[i];
    }
    return median(ratios);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
