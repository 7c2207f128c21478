package io.github.csbscontract.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
  void tasksRunOffTheEventLoopAndPastTheLimitAreRefusedWith503UntilOneEnds() throws Exception {
    OffLoop offLoop = new OffLoop(vertx, 2);
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new ArrayList<>();
    List<Future<String>> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      running.add(offLoop.run(() -> {
        release.await(5, TimeUnit.SECONDS);
        synchronized (threads) {
          threads.add(Thread.currentThread().getName());
        }
        return "described";
      }));
    }

    Future<String> third = offLoop.run(() -> "never run");
    assertThat(third.failed()).isTrue();
    assertThat(third.cause()).isInstanceOfSatisfying(ApiError.class, refused -> {
      assertThat(refused.status).isEqualTo(503);
      assertThat(refused.retryAfterSeconds).isEqualTo(1);
    });

    release.countDown();
    for (Future<String> task : running) {
      assertThat(task.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("described");
    }
    assertThat(threads).allSatisfy(name -> assertThat(name).doesNotContain("eventloop"));
    assertThat(offLoop.run(() -> "again").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
        .as("room again once the tasks ended").isEqualTo("again");
  }

  @Test
  void aTaskThatFailsFailsItsFutureAndFreesItsPlace() throws Exception {
    OffLoop offLoop = new OffLoop(vertx, 1);
    Future<String> failed = offLoop.run(() -> {
      throw ApiError.badRequest("body: refused");
    });
    try {
      failed.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expected) {
      assertThat(expected.getCause()).isInstanceOf(ApiError.class).hasMessageContaining("body: refused");
    }
    assertThat(failed.failed()).isTrue();
    assertThat(offLoop.run(() -> "next").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("next");
  }
}
