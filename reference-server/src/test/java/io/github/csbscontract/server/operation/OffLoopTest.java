package io.github.csbscontract.server.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.wire.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffLoopTest {

  /** One worker, as the server has; its threads' names tell them from the event loops'. */
  private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "csbs-worker"));

  @AfterEach
  void close() throws Exception {
    worker.shutdownNow();
    worker.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void tasksRunOffTheEventLoopAndPastTheBytesLimitAreRefusedWith503UntilOneEnds() throws Exception {
    OffLoop offLoop = new OffLoop(worker, 2_000);
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new ArrayList<>();
    List<CompletableFuture<String>> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      running.add(offLoop.run(1_000, () -> {
        release.await(5, TimeUnit.SECONDS);
        synchronized (threads) {
          threads.add(Thread.currentThread().getName());
        }
        return "described";
      }));
    }

    CompletableFuture<String> third = offLoop.run(1, () -> "never run");
    assertThat(third.isCompletedExceptionally()).as("refused at once").isTrue();
    assertThat(third.handle((value, failure) -> failure).get()).isInstanceOfSatisfying(ApiError.class, refused -> {
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.retryAfterValue()).isEqualTo("1");
    });

    release.countDown();
    for (CompletableFuture<String> task : running) {
      assertThat(get(task)).isEqualTo("described");
    }
    assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).isEqualTo("csbs-worker"));
    assertThat(get(offLoop.run(2_000, () -> "again"))).as("room again once the tasks ended").isEqualTo("again");
  }

  @Test
  void manySmallTasksWaitTheirTurnInsteadOfBeingRefused() throws Exception {
    OffLoop offLoop = new OffLoop(worker, 4 * 1024 * 1024);
    List<CompletableFuture<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int n = i;
      tasks.add(offLoop.run(1_000, () -> n));
    }
    for (int i = 0; i < tasks.size(); i++) {
      assertThat(get(tasks.get(i))).isEqualTo(i);
    }
  }

  @Test
  void oneTaskOverTheLimitStillRunsWhenNothingElseWaits() throws Exception {
    OffLoop offLoop = new OffLoop(worker, 10);
    assertThat(get(offLoop.run(1_000, () -> "alone"))).isEqualTo("alone");
  }

  @Test
  void aTaskThatFailsFailsItsFutureAndFreesItsBytes() throws Exception {
    OffLoop offLoop = new OffLoop(worker, 1_000);
    CompletableFuture<String> failed = offLoop.run(1_000, () -> {
      throw ApiError.badRequest("body: refused");
    });
    try {
      get(failed);
    } catch (ExecutionException expected) {
      assertThat(expected.getCause()).isInstanceOf(ApiError.class).hasMessageContaining("body: refused");
    }
    assertThat(failed.isCompletedExceptionally()).isTrue();
    assertThat(get(offLoop.run(1_000, () -> "next"))).isEqualTo("next");
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }
}
