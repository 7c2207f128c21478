package io.github.csbscontract.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffLoopTest {

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(1));

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void tasksRunOffTheEventLoopAndPastTheBytesLimitAreRefusedWith503UntilOneEnds() throws Exception {
    OffLoop offLoop = new OffLoop(vertx, 2_000);
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new ArrayList<>();
    List<Future<String>> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      running.add(offLoop.run(1_000, () -> {
        release.await(5, TimeUnit.SECONDS);
        synchronized (threads) {
          threads.add(Thread.currentThread().getName());
        }
        return "described";
      }));
    }

    Future<String> third = offLoop.run(1, () -> "never run");
    assertThat(third.failed()).isTrue();
    assertThat(third.cause()).isInstanceOfSatisfying(ApiError.class, refused -> {
      assertThat(refused.status).isEqualTo(503);
      assertThat(refused.retryAfter).isEqualTo("1");
    });

    release.countDown();
    for (Future<String> task : running) {
      assertThat(get(task)).isEqualTo("described");
    }
    assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).doesNotContain("eventloop"));
    assertThat(get(offLoop.run(2_000, () -> "again"))).as("room again once the tasks ended").isEqualTo("again");
  }

  @Test
  void manySmallTasksWaitTheirTurnInsteadOfBeingRefused() throws Exception {
    OffLoop offLoop = new OffLoop(vertx, 4 * 1024 * 1024);
    List<Future<Integer>> tasks = new ArrayList<>();
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
    OffLoop offLoop = new OffLoop(vertx, 10);
    assertThat(get(offLoop.run(1_000, () -> "alone"))).isEqualTo("alone");
  }

  @Test
  void aTaskThatFailsFailsItsFutureAndFreesItsBytes() throws Exception {
    OffLoop offLoop = new OffLoop(vertx, 1_000);
    Future<String> failed = offLoop.run(1_000, () -> {
      throw ApiError.badRequest("body: refused");
    });
    try {
      get(failed);
    } catch (ExecutionException expected) {
      assertThat(expected.getCause()).isInstanceOf(ApiError.class).hasMessageContaining("body: refused");
    }
    assertThat(failed.failed()).isTrue();
    assertThat(get(offLoop.run(1_000, () -> "next"))).isEqualTo("next");
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
