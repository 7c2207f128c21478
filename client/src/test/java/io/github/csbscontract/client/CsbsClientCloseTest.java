package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** close() ends the calls in flight and refuses new ones, with an exception that says so. */
class CsbsClientCloseTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock(20);

  @Test
  void callsInFlightOrQueuedWhenTheClientClosesFailAsClosedNotAsANetworkBlip() throws Exception {
    // The server takes each request and never answers, so that close() finds them in flight.
    CountDownLatch received = new CountDownLatch(5);
    CountDownLatch released = new CountDownLatch(1);
    try (HostileServer server = new HostileServer(exchange -> {
      received.countDown();
      awaitQuietly(released);
    })) {
      // A limit of 4 leaves 6 of the 10 asynchronous calls queued when close() comes.
      CsbsClient client = CsbsClient.builder().baseUrl(server.baseUrl()).projectId(PROJECT).token(TOKEN)
          .maxConcurrentRequests(4).build();
      List<CompletableFuture<List<CheckResult>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(client.checkRestorable(List.of(seedItem())).enqueue());
      }
      CompletableFuture<Throwable> sync = CompletableFuture.supplyAsync(() -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      assertThat(received.await(10, TimeUnit.SECONDS)).as("4 asynchronous calls and the synchronous one in flight").isTrue();

      long closing = System.nanoTime();
      client.close();
      assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("close() does not wait for the answers").isLessThan(Duration.ofMillis(2500));

      for (CompletableFuture<List<CheckResult>> call : calls) {
        assertClosed(catchThrowable(() -> call.get(5, TimeUnit.SECONDS)).getCause());
      }
      assertClosed(sync.get(5, TimeUnit.SECONDS));
      assertThat(server.requests()).as("the queued calls were never sent").hasSize(5);
    } finally {
      released.countDown();
    }
  }

  @Test
  void aCallWaitingToRetryIsCutOffAtOnce() throws Exception {
    wireMock.server.stubFor(action().willReturn(error(503, "CSBS.9999", "query backup service failed").withHeader("Retry-After", "60")));
    RetryPolicy patient = RetryPolicy.builder().maxTotalTime(Duration.ofMinutes(2)).build();
    // The listener hears of an attempt once it is over and the next one is planned: from then on
    // both calls wait out the 60 s.
    CountDownLatch waiting = new CountDownLatch(2);
    CsbsClient client = CsbsClient.builder().baseUrl(wireMock.baseUrl()).projectId(PROJECT).token(TOKEN).retryPolicy(patient)
        .attemptListener(attempt -> {
          if (attempt.willRetry()) {
            waiting.countDown();
          }
        }).build();
    CompletableFuture<Throwable> sync = CompletableFuture.supplyAsync(() -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
    CompletableFuture<List<CheckResult>> async = client.checkRestorable(List.of(seedItem())).enqueue();
    assertThat(waiting.await(10, TimeUnit.SECONDS)).as("both calls waiting to retry").isTrue();

    long closing = System.nanoTime();
    client.close();

    assertClosed(sync.get(5, TimeUnit.SECONDS));
    assertClosed(catchThrowable(() -> async.get(5, TimeUnit.SECONDS)).getCause());
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("the 60 s wait was cut short").isLessThan(Duration.ofSeconds(30));
    assertThat(wireMock.served()).hasSize(2);
  }

  @Test
  void callsAfterCloseFailAtOnceOnBothPaths() {
    CsbsClient client = client(wireMock).build();
    client.close();
    client.close();

    assertClosed(catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
    assertClosed(catchThrowable(() -> client.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635")).enqueue().get(1, TimeUnit.SECONDS)).getCause());
    assertThat(wireMock.served()).isEmpty();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertClosed(Throwable failure) {
    assertThat(failure).isInstanceOf(CsbsClientClosedException.class).isNotInstanceOf(CsbsTransportException.class)
        .hasMessageContaining("closed");
  }
}
