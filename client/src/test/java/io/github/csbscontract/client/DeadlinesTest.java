package io.github.csbscontract.client;

import static io.github.csbscontract.client.Threads.await;
import static io.github.csbscontract.client.Threads.deadlineThreads;
import static io.github.csbscontract.client.Wire.body;
import static io.github.csbscontract.client.Wire.client;
import static io.github.csbscontract.client.Wire.seedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The calls' deadlines, kept by {@link Deadlines} and its thread rather than OkHttp's call
 * timeout: each test plays a server that trickles its headers forever, which only a deadline
 * ends.
 */
class DeadlinesTest {

  @Test
  void aSharedClientsCallTimeoutIsTheDeadlineOfCallsThatSetNone() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(400)).build();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).okHttpClient(shared).build()) {
      assertThat(client.defaultCallTimeout()).isEqualTo(Duration.ofMillis(400));
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      assertThat(thrown).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (400 ms)");
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void theDeadlineSpansTheInterceptorsOfASharedClientToo() throws Exception {
    // An application interceptor that takes its time (a token refresh, say), ending when the call is cancelled.
    OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(chain -> {
      while (!chain.call().isCanceled()) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
      throw new IOException("Canceled");
    }).build();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).okHttpClient(shared).callTimeout(Duration.ofMillis(300)).build()) {
      assertThat(timeOf(client)).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (300 ms)");
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void anIdleClientKeepsNoThreadAndItsNextCallStartsOne() throws Exception {
    Set<Thread> before = deadlineThreads();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).callTimeout(Duration.ofMillis(300)).build()) {
      assertThat(timeOf(client)).isInstanceOf(CsbsTimeoutException.class);
      Thread first = newDeadlineThread(before);
      // A second after its last call, the thread ends, client open or not.
      first.join(Duration.ofSeconds(30).toMillis());
      assertThat(first.isAlive()).isFalse();
      assertThat(timeOf(client)).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (300 ms)");
      assertThat(newDeadlineThread(before)).isNotSameAs(first);
    }
  }

  @Test
  void aDeadlineMeaningNoLimitIsTakenAsTheLongestThereIs() throws Exception {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    try (HostileServer server = new HostileServer(exchange -> exchange.answer(200, body("seed-restorable-response.json")));
        CsbsClient client = client(server).callTimeout(forever)
            .retryPolicy(RetryPolicy.builder().maxTotalTime(forever).maxBackoff(forever).build()).build()) {
      assertThat(client.checkRestorable(seedItem()).execute()).hasSize(1);
      assertThat(client.checkRestorable(seedItem()).callTimeout(forever).execute()).hasSize(1);
    }
  }

  @Test
  void theDeadlineThreadEndsWithTheClient() throws Exception {
    Set<Thread> before = deadlineThreads();
    Thread watcher;
    CompletableFuture<List<CheckResult>> inFlight;
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).build()) {
      assertThat(deadlineThreads()).as("build() starts no thread").isEqualTo(before);
      inFlight = client.checkRestorable(seedItem()).enqueue();
      await(() -> !startedSince(before).isEmpty());
      watcher = newDeadlineThread(before);
    }
    // close() waits for it.
    assertThat(watcher.isAlive()).isFalse();
    assertThat(inFlight).failsWithin(Duration.ofSeconds(20)).withThrowableThat().havingCause()
        .isInstanceOf(CsbsClientClosedException.class);
  }

  private static Throwable timeOf(CsbsClient client) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
  }

  private static Set<Thread> startedSince(Set<Thread> before) {
    Set<Thread> now = deadlineThreads();
    now.removeAll(before);
    return now;
  }

  /** The one deadline thread started since {@code before} was taken, and still alive. */
  private static Thread newDeadlineThread(Set<Thread> before) {
    Set<Thread> now = startedSince(before);
    assertThat(now).hasSize(1);
    return now.iterator().next();
  }
}
