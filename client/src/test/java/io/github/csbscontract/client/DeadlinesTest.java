package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.PROJECT;
import static io.github.csbscontract.client.Wire.TOKEN;
import static io.github.csbscontract.client.Wire.body;
import static io.github.csbscontract.client.Wire.seedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The calls' deadlines, kept by {@link Deadlines} and its thread rather than OkHttp's call
 * timeout: each test plays a server that trickles its headers forever, which only a deadline
 * ends.
 */
class DeadlinesTest {

  private static final String THREAD = "csbs-client-deadlines-";

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
  void aDeadlineIsKeptWhenTheThreadHadGoneToSleepForLackOfCalls() throws Exception {
    Set<Thread> before = deadlineThreads();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).callTimeout(Duration.ofMillis(300)).build()) {
      assertThat(timeOf(client)).isInstanceOf(CsbsTimeoutException.class);
      Thread watcher = newDeadlineThread(before);
      // Idle a while after the last call, the thread parks with no timeout; the next call must wake it.
      await(() -> watcher.getState() == Thread.State.WAITING);
      assertThat(timeOf(client)).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (300 ms)");
    }
  }

  @Test
  void aDeadlineMeaningNoLimitIsTakenAsTheLongestThereIs() throws Exception {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    byte[] good = body("seed-restorable-response.json").getBytes(StandardCharsets.UTF_8);
    try (HostileServer server = new HostileServer(exchange -> {
      exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + good.length + "\r\n\r\n");
      exchange.write(good);
    });
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
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).callTimeout(Duration.ofMillis(300)).build()) {
      assertThat(deadlineThreads()).as("build() starts no thread").isEqualTo(before);
      timeOf(client);
      watcher = newDeadlineThread(before);
      assertThat(watcher.isAlive()).isTrue();
    }
    // close() waits for it.
    assertThat(watcher.isAlive()).isFalse();
  }

  private static Throwable timeOf(CsbsClient client) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
  }

  private static CsbsClient.Builder client(HostileServer server) {
    return CsbsClient.builder().baseUrl(server.baseUrl()).projectId(PROJECT).token(TOKEN).retryPolicy(RetryPolicy.none());
  }

  private static Set<Thread> deadlineThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(THREAD)) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /** The one deadline thread started since {@code before} was taken. */
  private static Thread newDeadlineThread(Set<Thread> before) {
    Set<Thread> now = deadlineThreads();
    now.removeAll(before);
    assertThat(now).hasSize(1);
    return now.iterator().next();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - giveUp).as("condition not met within 30 s").isNegative();
      Thread.sleep(10);
    }
  }
}
