package io.github.csbscontract.client;

import static io.github.csbscontract.client.Threads.await;
import static io.github.csbscontract.client.Threads.deadlineThreads;
import static io.github.csbscontract.client.Wire.PROJECT;
import static io.github.csbscontract.client.Wire.TOKEN;
import static io.github.csbscontract.client.Wire.body;
import static io.github.csbscontract.client.Wire.client;
import static io.github.csbscontract.client.Wire.seedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calls' deadlines under attack from outside: many calls at once against a server that
 * trickles for ever, answers that arrive just as a deadline runs out, cancels and close() racing
 * with the deadline thread, waits for a retry or a token that outlast the deadline, and a shared
 * OkHttpClient's own parts. Each call must end with its result or the documented exception,
 * near its own deadline, and leave nothing registered behind.
 */
class DeadlinesAttackTest {

  private static final String GOOD = body("seed-restorable-response.json");
  /**
   * How late a deadline may be seen to end a call: the thread looks every 10 ms, and the rest is
   * this machine's scheduling under load (two cores shared with other builds, hundreds of threads
   * here). Generous on purpose: what it separates is "kept" from "not kept", and a deadline not
   * kept against a server that trickles for ever is never met at all.
   */
  private static final long LATE_MILLIS = 1500;

  // 1. Many calls at once, each with a deadline of its own.

  @ParameterizedTest(name = "{0} calls, at most {1} at once")
  @CsvSource({"200, 256", "100, 48"})
  void manyTricklingCallsEachEndAtTheirOwnDeadlineAndLeaveNothingBehind(int calls, int limit) throws Exception {
    AtomicBoolean trickle = new AtomicBoolean(true);
    // When each call left the queue: a shared client's interceptor runs right after Deadlines
    // registered the call. Keyed by the deadline, which differs from call to call.
    Map<Long, Long> started = new ConcurrentHashMap<>();
    OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(chain -> {
      started.put(chain.request().tag(CallState.class).deadlineMillis(), System.nanoTime());
      return chain.proceed(chain.request());
    }).build();
    try (HostileServer server = new HostileServer(exchange -> {
      if (trickle.get()) {
        HostileServer.trickleForever(exchange);
      }
      exchange.answer(200, GOOD);
    }); CsbsClient client = client(server).okHttpClient(shared).maxConcurrentRequests(limit).build()) {
      List<Long> deadlines = new ArrayList<>();
      List<Long> enqueued = new ArrayList<>();
      List<CompletableFuture<Long>> ended = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        // 50 ms to about 1.9 s, interleaved so that short and long deadlines share the queue.
        long deadline = 50 + (i * 37L % calls) * (1850 / calls);
        deadlines.add(deadline);
        enqueued.add(System.nanoTime());
        CompletableFuture<List<CheckResult>> call = client.checkRestorable(seedItem()).callTimeout(Duration.ofMillis(deadline)).enqueue();
        ended.add(call.handle((results, failure) -> {
          assertThat(failure).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (" + millis(deadline) + ")");
          return System.nanoTime();
        }));
      }
      assertThat(deadlines).doesNotHaveDuplicates();
      CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      List<Long> lateness = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        long end = ended.get(i).join();
        long deadline = deadlines.get(i);
        assertThat(TimeUnit.NANOSECONDS.toMillis(end - enqueued.get(i))).as("call %d ended before its deadline", i)
            .isGreaterThanOrEqualTo(deadline);
        lateness.add(TimeUnit.NANOSECONDS.toMillis(end - started.get(deadline)) - deadline);
      }
      Collections.sort(lateness);
      // Measured from a moment just after the call was registered, so a few may look early.
      assertThat(lateness.get(lateness.size() / 2)).as("the median call, late by (sorted) %s", lateness).isLessThan(100);
      assertThat(lateness.get(lateness.size() - 1)).as("the latest call, late by (sorted) %s", lateness).isLessThan(LATE_MILLIS);

      assertThat(client.deadlines().inFlight()).as("calls still registered").isZero();
      trickle.set(false);
      // A place among the concurrent requests for each: none was kept by an ended call.
      List<CompletableFuture<List<CheckResult>>> normal = new ArrayList<>();
      for (int i = 0; i < limit; i++) {
        normal.add(client.checkRestorable(seedItem()).callTimeout(Duration.ofSeconds(20)).enqueue());
      }
      for (CompletableFuture<List<CheckResult>> call : normal) {
        assertThat(call.get(30, TimeUnit.SECONDS)).hasSize(1);
      }
      assertThat(client.deadlines().inFlight()).isZero();
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  // 2. Races with the deadline.

  @Test
  void anAnswerArrivingAsTheDeadlineRunsOutIsTheResultOrATimeoutNothingElse() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (HostileServer server = new HostileServer(exchange -> {
      int n = requests.incrementAndGet();
      // Around the 100 ms deadline: before the status line, or between the headers and the body.
      long delay = 70 + n % 61;
      if (n % 2 == 0) {
        pause(delay);
        exchange.answer(200, GOOD);
      } else {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + good.length + "\r\n\r\n");
        pause(delay);
        exchange.write(good);
      }
    }); CsbsClient client = client(server).maxConcurrentRequests(256).callTimeout(Duration.ofMillis(100)).build();
        Callers callers = new Callers()) {
      List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        outcomes.add(client.checkRestorable(seedItem()).enqueue().handle((results, failure) -> failure));
      }
      // Synchronous calls at the same time, from threads of their own.
      for (int i = 0; i < 40; i++) {
        outcomes.add(CompletableFuture.supplyAsync(() -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()),
            callers));
      }
      Set<String> kinds = new HashSet<>();
      for (CompletableFuture<Throwable> outcome : outcomes) {
        Throwable failure = outcome.get(30, TimeUnit.SECONDS);
        kinds.add(failure == null ? "result" : failure.getClass().getSimpleName());
        if (failure != null) {
          assertThat(failure).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (100 ms)");
        }
      }
      assertThat(kinds).isSubsetOf("result", "CsbsTimeoutException");
      assertThat(client.deadlines().inFlight()).isZero();
    }
  }

  @Test
  void aFutureCancelledOrTimedOutAsItsDeadlineRunsOutEndsOnceAndFreesItsPlace() throws Exception {
    AtomicBoolean trickle = new AtomicBoolean(true);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (HostileServer server = new HostileServer(exchange -> {
      if (trickle.get()) {
        HostileServer.trickleForever(exchange);
      }
      exchange.answer(200, GOOD);
    }); CsbsClient client = client(server).maxConcurrentRequests(8).callTimeout(Duration.ofMillis(100)).build()) {
      List<CompletableFuture<List<CheckResult>>> calls = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        CompletableFuture<List<CheckResult>> call = client.checkRestorable(seedItem()).enqueue();
        if (i % 2 == 0) {
          call.orTimeout(95 + i % 11, TimeUnit.MILLISECONDS);
        } else {
          timer.schedule(() -> call.cancel(true), 95 + i % 11, TimeUnit.MILLISECONDS);
        }
        calls.add(call);
      }
      for (CompletableFuture<List<CheckResult>> call : calls) {
        Throwable failure = catchThrowable(() -> call.get(30, TimeUnit.SECONDS));
        Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
        assertThat(cause).isInstanceOfAny(CsbsTimeoutException.class, TimeoutException.class, CancellationException.class);
      }
      // A cancel from outside reaches the exchange on another thread: wait until all have ended.
      Deadlines deadlines = client.deadlines();
      await(() -> deadlines.inFlight() == 0);
      trickle.set(false);
      List<CompletableFuture<List<CheckResult>>> normal = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        normal.add(client.checkRestorable(seedItem()).callTimeout(Duration.ofSeconds(20)).enqueue());
      }
      for (CompletableFuture<List<CheckResult>> call : normal) {
        assertThat(call.get(30, TimeUnit.SECONDS)).hasSize(1);
      }
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void closeRacingWithCallsStartingOnOtherThreadsEndsEachAsClosedOrTimedOutNeverHung() throws Exception {
    CountDownLatch received = new CountDownLatch(16);
    try (HostileServer server = new HostileServer(exchange -> {
      received.countDown();
      HostileServer.trickleForever(exchange);
    }); Callers threads = new Callers()) {
      CsbsClient client = client(server).callTimeout(Duration.ofMillis(300)).build();
      List<CompletableFuture<List<Throwable>>> callers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        boolean sync = t % 2 == 0;
        callers.add(CompletableFuture.supplyAsync(() -> {
          // Calls one after another until one finds the client closed.
          List<Throwable> outcomes = new ArrayList<>();
          while (true) {
            long start = System.nanoTime();
            Throwable failure = sync ? catchThrowable(() -> client.checkRestorable(seedItem()).execute())
                : catchThrowable(() -> client.checkRestorable(seedItem()).enqueue().get(30, TimeUnit.SECONDS));
            failure = failure instanceof ExecutionException ? failure.getCause() : failure;
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("a call hung past its deadline: %s", failure)
                .isLessThan(300 + LATE_MILLIS + 2500);
            outcomes.add(failure);
            if (failure instanceof CsbsClientClosedException) {
              return outcomes;
            }
          }
        }, threads));
      }
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      client.close();
      for (CompletableFuture<List<Throwable>> caller : callers) {
        assertThat(caller.get(30, TimeUnit.SECONDS)).allSatisfy(
            failure -> assertThat(failure).isInstanceOfAny(CsbsClientClosedException.class, CsbsTimeoutException.class));
      }
    }
  }

  @Test
  void closeRacingWithAClientsFirstCallsLeavesNoHungCallAndNoThread() throws Exception {
    Set<Thread> before = deadlineThreads();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever); Callers threads = new Callers()) {
      for (int round = 0; round < 30; round++) {
        CsbsClient client = client(server).callTimeout(Duration.ofMillis(200)).build();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Throwable>> calls = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          boolean sync = t % 2 == 0;
          calls.add(CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            Throwable failure = sync ? catchThrowable(() -> client.checkRestorable(seedItem()).execute())
                : catchThrowable(() -> client.checkRestorable(seedItem()).enqueue().get(20, TimeUnit.SECONDS));
            return failure instanceof ExecutionException ? failure.getCause() : failure;
          }, threads));
        }
        // The calls make the client's stack (and its deadline thread) while close() ends it.
        go.countDown();
        client.close();
        for (CompletableFuture<Throwable> call : calls) {
          assertThat(call.get(20, TimeUnit.SECONDS)).isInstanceOfAny(CsbsClientClosedException.class, CsbsTimeoutException.class);
        }
        // The thread a call started as close() came ends too.
        await(() -> before.containsAll(deadlineThreads()));
      }
    }
  }

  // 3. Waits between attempts, and for a token, that outlast the deadline.

  @Test
  void aRetryAfterThatOutlastsTheDeadlineIsNotWaitedForTheAnswerIsTheFailure() throws Exception {
    try (HostileServer server = new HostileServer(exchange -> exchange.write(
        "HTTP/1.1 503 Busy\r\nRetry-After: 60\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        CsbsClient client = client(server).retryPolicy(RetryPolicy.builder().maxTotalTime(Duration.ofMinutes(2)).build())
            .callTimeout(Duration.ofMillis(300)).build()) {
      // Had the client waited, the deadline would have ended the call as a timeout.
      Throwable sync = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      assertThat(sync).isInstanceOfSatisfying(CsbsServerException.class, e -> assertThat(e.status()).isEqualTo(503));
      Throwable async = catchThrowable(() -> client.checkRestorable(seedItem()).enqueue().get(10, TimeUnit.SECONDS));
      assertThat(async).cause().isInstanceOf(CsbsServerException.class);
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void aBackoffThatOutlastsTheDeadlineIsNotWaitedForTheFailureIsTheConnections() throws Exception {
    // The connection closes without an answer: a failure the policy retries, after a backoff of 15 to 30 s.
    try (HostileServer server = new HostileServer(exchange -> exchange.out().close());
        CsbsClient client = client(server).retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofSeconds(30))
            .maxBackoff(Duration.ofSeconds(30)).maxTotalTime(Duration.ofMinutes(2)).build()).callTimeout(Duration.ofMillis(300)).build()) {
      Throwable sync = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      assertThat(sync).isInstanceOf(CsbsTransportException.class).hasMessageContaining("after 1 attempt");
      Throwable async = catchThrowable(() -> client.checkRestorable(seedItem()).enqueue().get(10, TimeUnit.SECONDS));
      assertThat(async).cause().isInstanceOf(CsbsTransportException.class).hasMessageContaining("after 1 attempt");
    }
  }

  @Test
  void aTokenThatComesOnlyAfterTheDeadlineIsNeverSentAndTheCallTimesOut() throws Exception {
    // The first attempt is throttled with no wait; the second asks for a token, which takes
    // until after the deadline (a slow IAM): by then the call is cut off, and nothing more is sent.
    CountDownLatch asked = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger tokens = new AtomicInteger();
    try (HostileServer server = new HostileServer(exchange -> exchange.write(
        "HTTP/1.1 429 Slow down\r\nRetry-After: 0\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        CsbsClient client = CsbsClient.builder().baseUrl(server.baseUrl()).projectId(PROJECT).tokenSupplier(() -> {
          asked.countDown();
          if (tokens.incrementAndGet() == 2) {
            awaitQuietly(release);
          }
          return TOKEN;
        }).callTimeout(Duration.ofMillis(300)).build()) {
      CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();
      // The deadline thread lets go of a call once it cancelled it.
      Deadlines deadlines = client.deadlines();
      await(() -> deadlines.inFlight() == 0);
      release.countDown();
      assertThat(call.get(20, TimeUnit.SECONDS)).isInstanceOf(CsbsTimeoutException.class)
          .hasMessageContaining("call timeout (300 ms), after 2 attempts");
      assertThat(server.requests()).hasSize(1);
    } finally {
      release.countDown();
    }
  }

  // 4. The deadline thread.

  @Test
  void anAsynchronousCallIsCutOffAfterTheClientWasIdle() throws Exception {
    Set<Thread> before = deadlineThreads();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).callTimeout(Duration.ofMillis(200)).build()) {
      assertThat(catchThrowable(() -> client.checkRestorable(seedItem()).enqueue().get(20, TimeUnit.SECONDS)))
          .cause().isInstanceOf(CsbsTimeoutException.class);
      // Idle for longer than the thread stays after a call: it ends, and the next call starts another.
      await(() -> {
        Set<Thread> started = deadlineThreads();
        started.removeAll(before);
        return started.isEmpty();
      });
      for (int i = 0; i < 3; i++) {
        assertThat(catchThrowable(() -> client.checkRestorable(seedItem()).enqueue().get(20, TimeUnit.SECONDS)))
            .cause().isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (200 ms)");
      }
    }
  }


  @Test
  void hundredsOfClientsMadeUsedAndClosedLeaveNoThreadBehind() throws Exception {
    Predicate<String> ours = name -> name.startsWith("csbs-client-");
    Set<Thread> before = Threads.named(ours);
    try (HostileServer server = new HostileServer(exchange -> exchange.answer(200, GOOD))) {
      for (int i = 0; i < 200; i++) {
        try (CsbsClient client = client(server).callTimeout(Duration.ofSeconds(20)).build()) {
          if (i % 2 == 0) {
            assertThat(client.checkRestorable(seedItem()).execute()).hasSize(1);
          } else {
            assertThat(client.checkRestorable(seedItem()).enqueue().get(20, TimeUnit.SECONDS)).hasSize(1);
          }
        }
        // close() waits for the deadline thread to end.
        assertThat(deadlineThreads()).isSubsetOf(before);
      }
    }
    // The callback threads end once their last completion has run.
    await(() -> before.containsAll(Threads.named(ours)));
  }

  // 5. A shared OkHttpClient's own parts.

  @Test
  void aSharedClientsEventListenerThatThrowsWhenACallIsCancelledDoesNotEndTheDeadlines() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(Call call) {
        throw new IllegalStateException("a metrics bug");
      }
    }).build();
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).okHttpClient(shared).callTimeout(Duration.ofMillis(200)).build()) {
      for (int i = 0; i < 3; i++) {
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
        assertThat(thrown).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (200 ms)");
      }
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void closeEndsEveryCallEvenWhenASharedClientsEventListenerThrowsOnCancel() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(Call call) {
        throw new IllegalStateException("a metrics bug");
      }
    }).build();
    CountDownLatch received = new CountDownLatch(4);
    try (HostileServer server = new HostileServer(exchange -> {
      received.countDown();
      HostileServer.trickleForever(exchange);
    }); Callers threads = new Callers()) {
      CsbsClient client = client(server).okHttpClient(shared).maxConcurrentRequests(2).callTimeout(Duration.ofSeconds(20)).build();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      // Two in flight, two queued, two synchronous.
      for (int i = 0; i < 4; i++) {
        calls.add(client.checkRestorable(seedItem()).enqueue());
      }
      for (int i = 0; i < 2; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> client.checkRestorable(seedItem()).execute(), threads));
      }
      assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
      client.close();
      for (CompletableFuture<?> call : calls) {
        assertThat(catchThrowable(() -> call.get(10, TimeUnit.SECONDS))).cause().isInstanceOf(CsbsClientClosedException.class);
      }
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void aDeadlineRunningOutWhileTheConnectionIsBeingMadeCutsTheConnectShort() throws Exception {
    // A listening socket that never accepts, its backlog filled: the kernel drops the next SYN,
    // and the client's connect waits for OkHttp's connect timeout (10 s) unless the deadline ends it.
    List<java.net.Socket> fillers = new ArrayList<>();
    AtomicInteger connectsEnded = new AtomicInteger();
    AtomicInteger connectsFailed = new AtomicInteger();
    OkHttpClient shared = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void connectEnd(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy, okhttp3.Protocol protocol) {
        connectsEnded.incrementAndGet();
      }

      @Override
      public void connectFailed(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy, okhttp3.Protocol protocol,
          IOException e) {
        connectsFailed.incrementAndGet();
      }
    }).build();
    try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        CsbsClient client = CsbsClient.builder().baseUrl("http://127.0.0.1:" + full.getLocalPort()).projectId(PROJECT).token(TOKEN)
            .retryPolicy(RetryPolicy.none()).okHttpClient(shared).callTimeout(Duration.ofMillis(300)).build()) {
      for (int i = 0; i < 4; i++) {
        java.net.Socket filler = new java.net.Socket();
        fillers.add(filler);
        try {
          filler.connect(full.getLocalSocketAddress(), 200);
        } catch (IOException dropped) {
          // The backlog is full: what this test needs.
        }
      }
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      assertThat(thrown).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (300 ms)");
      assertThat(connectsEnded).as("the connect never completed").hasValue(0);
      assertThat(connectsFailed).hasValue(1);
    } finally {
      for (java.net.Socket filler : fillers) {
        filler.close();
      }
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void aCallsOwnLongerDeadlineIsNotCutShortByASharedClientsCallTimeout() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(100)).build();
    try (HostileServer server = new HostileServer(exchange -> {
      pause(300);
      exchange.answer(200, GOOD);
    }); CsbsClient client = client(server).okHttpClient(shared).build()) {
      assertThat(client.checkRestorable(seedItem()).callTimeout(Duration.ofSeconds(10)).execute()).hasSize(1);
      assertThat(client.checkRestorable(seedItem()).callTimeout(Duration.ofSeconds(10)).enqueue().get(20, TimeUnit.SECONDS)).hasSize(1);
      // The shared client's is still the deadline of a call that sets none.
      assertThat(catchThrowable(() -> client.checkRestorable(seedItem()).execute()))
          .isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (100 ms)");
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void aSynchronousCallCutOffByItsDeadlineLeavesTheCallersThreadUninterrupted() throws Exception {
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).callTimeout(Duration.ofMillis(100)).build()) {
      boolean[] interrupted = new boolean[1];
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        Throwable failure = catchThrowable(() -> client.checkRestorable(seedItem()).execute());
        interrupted[0] = Thread.currentThread().isInterrupted();
        return failure;
      });
      assertThat(thrown).isInstanceOf(CsbsTimeoutException.class);
      assertThat(interrupted[0]).as("the caller's thread was interrupted").isFalse();
    }
  }

  @Test
  void aDeadlineUnderAMillisecondIsKeptNotDropped() throws Exception {
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient perCall = client(server).build();
        CsbsClient perClient = client(server).callTimeout(Duration.ofNanos(400_000)).build()) {
      Throwable sync = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> catchThrowable(() -> perCall.checkRestorable(seedItem()).callTimeout(Duration.ofNanos(400_000)).execute()));
      assertThat(sync).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (1 ms)");
      Throwable async = catchThrowable(() -> perClient.checkRestorable(seedItem()).enqueue().get(10, TimeUnit.SECONDS));
      assertThat(async).cause().isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (1 ms)");
    }
  }

  /** Threads of the test's own that make synchronous calls. */
  private static final class Callers implements java.util.concurrent.Executor, AutoCloseable {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @Override
    public void execute(Runnable task) {
      pool.execute(task);
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  /** The server taking its time: what is under test here, not a wait for something to happen. */
  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  private static String millis(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
