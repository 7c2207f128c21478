package io.github.csbscontract.server.http;

import io.github.csbscontract.core.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work whose cost a client controls, run on Vert.x's worker pool instead of the event loop: the
 * full description of an invalid request (Bean Validation's cost grows with the number of
 * violations: a megabyte of invalid IDs held an event loop for about 300 ms, and every other
 * request on that loop waited). Each task holds its request's body and model until it ends, so
 * the bodies waiting together are bounded ({@link #maxWaitingBytes}, one task always fits); past
 * that the answer is 503 {@code CSBS.0503} with {@code Retry-After: 1}. Small invalid requests,
 * as tests send them, never come near it. The futures complete on the caller's event loop.
 */
final class OffLoop {

  private final Vertx vertx;
  private final long maxWaitingBytes;
  private final AtomicLong waitingBytes = new AtomicLong();

  OffLoop(Vertx vertx, long maxWaitingBytes) {
    this.vertx = vertx;
    this.maxWaitingBytes = maxWaitingBytes;
  }

  /** Runs {@code task}, which holds {@code bytes} of body, unless too many bytes are waiting. */
  <T> Future<T> run(long bytes, Callable<T> task) {
    long waiting = waitingBytes.addAndGet(bytes);
    if (waiting > maxWaitingBytes && waiting != bytes) {
      waitingBytes.addAndGet(-bytes);
      return Future.failedFuture(ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1)));
    }
    // Unordered: one connection's invalid request need not wait for another's.
    return vertx.executeBlocking(task, false).andThen(done -> waitingBytes.addAndGet(-bytes));
  }
}
