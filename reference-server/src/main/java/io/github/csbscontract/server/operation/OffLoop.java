package io.github.csbscontract.server.operation;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Fatal;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work whose cost a client controls, run on a worker thread instead of the event loop: the
 * full description of an invalid request (Bean Validation's cost grows with the number of
 * violations: a megabyte of invalid IDs held an event loop for about 300 ms, and every other
 * request on that loop waited). Each task holds its request's body and model until it ends, so
 * the bodies waiting together are bounded ({@link #maxWaitingBytes}, one task always fits); past
 * that the answer is 503 {@code CSBS.0503} with {@code Retry-After: 1}. Small invalid requests,
 * as tests send them, never come near it. The futures complete on the worker; the caller goes
 * back to its event loop.
 */
final class OffLoop {

  private final Executor worker;
  private final long maxWaitingBytes;
  private final AtomicLong waitingBytes = new AtomicLong();

  OffLoop(Executor worker, long maxWaitingBytes) {
    this.worker = worker;
    this.maxWaitingBytes = maxWaitingBytes;
  }

  /** Runs {@code task}, which holds {@code bytes} of body, unless too many bytes are waiting. */
  <T> CompletableFuture<T> run(long bytes, Callable<T> task) {
    long waiting = waitingBytes.addAndGet(bytes);
    if (waiting > maxWaitingBytes && waiting != bytes) {
      waitingBytes.addAndGet(-bytes);
      return CompletableFuture.failedFuture(overloaded());
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    try {
      worker.execute(() -> {
        T result;
        try {
          result = task.call();
        } catch (Throwable failed) {
          Fatal.haltOnOutOfMemory(failed);
          // Freed before the future completes: who waits on it finds the room already there.
          waitingBytes.addAndGet(-bytes);
          done.completeExceptionally(failed);
          return;
        }
        waitingBytes.addAndGet(-bytes);
        done.complete(result);
      });
    } catch (RejectedExecutionException stopping) {
      waitingBytes.addAndGet(-bytes);
      done.completeExceptionally(overloaded());
    }
    return done;
  }

  private static ApiError overloaded() {
    return ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1));
  }

  /** The task's own failure, unwrapped. */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
  }
}
