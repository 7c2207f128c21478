package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Asynchronous calls as a backend composes them: many at once against a slow service, and
 * callbacks that block on another call. Deadlines are generous; they separate "about 1 s" from
 * "4 s or never", not fast from slightly slower.
 */
class CsbsClientConcurrencyTest {

  private static final int SLOW_CALLS = 20;

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock(2 * SLOW_CALLS);

  @Test
  void twentyAsyncCallsToAOneSecondServiceRunTogether() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(1000)));

    try (CsbsClient client = client(wireMock).build()) {
      startedUp(client);
      long started = System.nanoTime();
      List<CompletableFuture<List<CheckResult>>> calls = new ArrayList<>();
      for (int i = 0; i < SLOW_CALLS; i++) {
        calls.add(client.checkRestorable(List.of(seedItem())).enqueue());
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

      // 5 at a time (OkHttp's default per host) would take 4 s.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
    }
    assertThat(wireMock.served()).hasSize(SLOW_CALLS);
  }

  @Test
  void aCallbackThatWaitsForAnotherAsyncCallCannotDeadlock() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(100)));
    int outer = 30;

    try (CsbsClient client = client(wireMock).callTimeout(Duration.ofSeconds(3)).build()) {
      List<CompletableFuture<Integer>> nested = new ArrayList<>();
      for (int i = 0; i < outer; i++) {
        nested.add(client.checkRestorable(List.of(seedItem())).enqueue()
            .thenApply(first -> first.size() + client.checkRestorable(List.of(seedItem())).enqueue().join().size()));
      }

      assertThat(CompletableFuture.allOf(nested.toArray(CompletableFuture[]::new)))
          .succeedsWithin(Duration.ofSeconds(20));
      assertThat(nested).allSatisfy(result -> assertThat(result.join()).isEqualTo(2));
    }
    assertThat(wireMock.served()).hasSize(2 * outer);
  }

  @Test
  void aCallbackThatMakesASynchronousCallCannotDeadlock() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(100)));
    int outer = 30;

    try (CsbsClient client = client(wireMock).build()) {
      List<CompletableFuture<Integer>> nested = new ArrayList<>();
      for (int i = 0; i < outer; i++) {
        nested.add(client.checkRestorable(List.of(seedItem())).enqueue()
            .thenApply(first -> first.size() + client.checkRestorable(seedItem()).execute().size()));
      }

      assertThat(CompletableFuture.allOf(nested.toArray(CompletableFuture[]::new)))
          .succeedsWithin(Duration.ofSeconds(20));
    }
    assertThat(wireMock.served()).hasSize(2 * outer);
  }

  @Test
  void futuresCompleteOutsideOkHttpsThreads() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(200)));
    Set<String> threads = ConcurrentHashMap.newKeySet();

    try (CsbsClient client = client(wireMock).build()) {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        calls.add(client.checkRestorable(List.of(seedItem())).enqueue()
            .thenRun(() -> threads.add(Thread.currentThread().getName())));
      }
      assertThat(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(10));
    }
    assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("csbs-client-callbacks-"));
  }

  @Test
  void futuresCompleteOnTheGivenExecutor() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(200)));
    ExecutorService mine = Executors.newSingleThreadExecutor(task -> new Thread(task, "application-callbacks"));
    try (CsbsClient client = client(wireMock).completionExecutor(mine).build()) {
      CompletableFuture<String> thread = client.checkRestorable(List.of(seedItem())).enqueue()
          .thenApply(results -> Thread.currentThread().getName());
      assertThat(thread).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("application-callbacks");
    } finally {
      mine.shutdown();
    }
    assertThat(mine.isShutdown()).isTrue();
  }

  @Test
  void theLimitIsSixtyFourByDefaultAndConfigurable() throws Exception {
    try (CsbsClient byDefault = client(wireMock).build(); CsbsClient two = client(wireMock).maxConcurrentRequests(2).build()) {
      assertThat(dispatcherOf(byDefault).getMaxRequests()).isEqualTo(CsbsClient.DEFAULT_MAX_CONCURRENT_REQUESTS).isEqualTo(64);
      assertThat(dispatcherOf(byDefault).getMaxRequestsPerHost()).isEqualTo(64);
      assertThat(dispatcherOf(two).getMaxRequests()).isEqualTo(2);
      assertThat(dispatcherOf(two).getMaxRequestsPerHost()).isEqualTo(2);
    }
  }

  @Test
  void aLimitOfOneStillCannotDeadlockNestedCalls() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(50)));

    try (CsbsClient client = client(wireMock).maxConcurrentRequests(1).build()) {
      List<CompletableFuture<Integer>> nested = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        nested.add(client.checkRestorable(List.of(seedItem())).enqueue()
            .thenApply(first -> client.checkRestorable(List.of(seedItem())).enqueue().join().size()));
      }
      assertThat(CompletableFuture.allOf(nested.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(20));
    }
  }

  /**
   * What the first call in a JVM pays once (Hibernate Validator, OkHttp, Jackson: seconds on a
   * loaded machine), paid before a measurement starts.
   */
  private static void startedUp(CsbsClient client) {
    // Refused unsent (a backup ID one character short), so it starts everything but I/O.
    RestoreItem shortId = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e950497")
        .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55").build();
    assertThat(client.checkRestorable(List.of(shortId)).enqueue()).failsWithin(Duration.ofSeconds(30));
    assertThat(client.httpClient()).isNotNull();
  }

  private static Dispatcher dispatcherOf(CsbsClient client) {
    return client.httpClient().dispatcher();
  }
}
