package io.github.csbscontract.server.http;

import io.github.csbscontract.jaxrs.RequestError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work whose cost a client controls, run on Vert.x's worker pool instead of the event loop: the
 * full description of an invalid request (Bean Validation's cost grows with the number of
 * violations: a megabyte of invalid IDs held an event loop for about 300 ms, and every other
 * request on that loop waited). At most {@link #maxWaiting} such tasks wait or run at once, each
 * holding its parsed body; past that the answer is 503 {@code CSBS.0503} with
 * {@code Retry-After: 1}. The futures complete on the caller's event loop.
 */
final class OffLoop {

  private final Vertx vertx;
  private final int maxWaiting;
  private final AtomicInteger waiting = new AtomicInteger();

  OffLoop(Vertx vertx, int maxWaiting) {
    this.vertx = vertx;
    this.maxWaiting = maxWaiting;
  }

  <T> Future<T> run(Callable<T> task) {
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      return Future.failedFuture(ApiError.service(503, RequestError.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1)));
    }
    // Unordered: one connection's invalid request need not wait for another's.
    return vertx.executeBlocking(task, false).andThen(done -> waiting.decrementAndGet());
  }
}
