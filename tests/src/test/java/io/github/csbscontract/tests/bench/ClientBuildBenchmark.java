package io.github.csbscontract.tests.bench;

import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsTransportException;
import io.github.csbscontract.client.CsbsValidationException;
import io.github.csbscontract.client.RestoreItem;
import io.github.csbscontract.client.RetryPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code CsbsClient.builder()...build()} costs an application: the first one in a JVM (each
 * fork is a fresh JVM and measures one call, so the figure includes loading the client's
 * classes), later ones, and what the first call pays on top: the first validation (which starts
 * the one shared Hibernate Validator) and the first exchange (which starts OkHttp, Retrofit and
 * Jackson). The URL points at a closed port on 127.0.0.1: the invalid request is refused before
 * any I/O, the valid one gets a refused connection, not retried.
 *
 * <p>Run: {@code ./mvnw -q -pl tests exec:exec@jmh -Djmh.args="ClientBuildBenchmark -rf json -rff target/jmh-build.json"};
 * the single-shot figures are per fork, so read their median from the JSON's raw data.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClientBuildBenchmark {

  private static final String NOWHERE = "http://127.0.0.1:9";
  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";

  private CsbsClient client;

  @TearDown(Level.Invocation)
  public void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** The first build() in a fresh JVM. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(20)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public CsbsClient firstBuild() {
    client = CsbsClient.builder().baseUrl(NOWHERE).projectId(PROJECT).token("t").build();
    return client;
  }

  /** The first build() and the first validation after it, in a fresh JVM: what the first call pays before I/O. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(20)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Object firstBuildAndFirstValidation() {
    client = CsbsClient.builder().baseUrl(NOWHERE).projectId(PROJECT).token("t").build();
    try {
      return client.checkRestorable(RestoreItem.backup("not-a-uuid").ontoServer("x").mapDisk("y", "z").build()).execute();
    } catch (CsbsValidationException expected) {
      return expected;
    }
  }

  /** The first build() and the first exchange (a refused connection), in a fresh JVM: the client's whole start. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(20)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Object firstBuildAndFirstCall() {
    client = CsbsClient.builder().baseUrl(NOWHERE).projectId(PROJECT).token("t").retryPolicy(RetryPolicy.none()).build();
    try {
      return client.checkRestorable(RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
          .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
          .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55").build()).execute();
    } catch (CsbsTransportException expected) {
      return expected;
    }
  }

  /** build() once the JVM has built clients before (each one closed after it is measured). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Fork(2)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public CsbsClient laterBuild() {
    client = CsbsClient.builder().baseUrl(NOWHERE).projectId(PROJECT).token("t").build();
    return client;
  }
}
