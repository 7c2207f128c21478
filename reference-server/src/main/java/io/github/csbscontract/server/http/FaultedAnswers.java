package io.github.csbscontract.server.http;

import io.github.csbscontract.server.control.Fault;
import io.netty.channel.ChannelOption;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Answers a request the way a {@link Fault} says: late, refused with an error status, not at all
 * (a reset), or with a body that is empty, cut short or trickled; with the fault's headers. Only for tests of the code that
 * calls the service; with no fault added, no request comes here.
 */
final class FaultedAnswers {

  /** Bytes per write of a trickled body. */
  private static final int TRICKLE_BYTES = 8;

  private final Vertx vertx;

  FaultedAnswers(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * @param answer the right answer's JSON (the operation run as usual), asked for only when needed
   * @param beforeReset run before a reset closes the connection with no answer at all
   */
  void answer(HttpServerRequest request, Fault fault, Supplier<byte[]> answer, Runnable beforeReset) {
    fault.headers().forEach(header -> request.response().headers().add(header.getKey(), header.getValue()));
    switch (fault.kind()) {
      case LATENCY -> {
        long min = fault.delay().toMillis();
        long max = fault.maxDelay().toMillis();
        long delay = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
        vertx.setTimer(Math.max(1, delay), id -> normally(request, answer));
      }
      case SERVICE_UNAVAILABLE, THROTTLED, ERROR -> Answers.failure(request,
          ApiError.asked(fault.status(), fault.errorCode(), fault.errorMsg()).retryAfter(fault.retryAfter()));
      case CONNECTION_RESET -> {
        // SO_LINGER 0: the close sends RST, as a crashed peer or a middlebox would.
        ((ConnectionBase) request.connection()).channel().config().setOption(ChannelOption.SO_LINGER, 0);
        beforeReset.run();
        request.connection().close();
      }
      case EMPTY_BODY -> request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end();
      case TRUNCATED_BODY -> {
        byte[] body = orRefusal(request, answer);
        if (body != null) {
          head(request, body.length).write(Buffer.buffer(body).slice(0, body.length / 2))
              .onComplete(written -> request.connection().close());
        }
      }
      case SLOW_BODY -> {
        byte[] body = orRefusal(request, answer);
        if (body != null) {
          trickle(head(request, body.length), body, 0, Math.max(1, fault.delay().toMillis()));
        }
      }
      default -> throw new IllegalStateException("unknown fault " + fault);
    }
  }

  private static void normally(HttpServerRequest request, Supplier<byte[]> answer) {
    byte[] body = orRefusal(request, answer);
    if (body != null) {
      Answers.json(request, body);
    }
  }

  /** The right answer's body; null when the request is refused instead, which is then answered. */
  private static byte[] orRefusal(HttpServerRequest request, Supplier<byte[]> answer) {
    try {
      return answer.get();
    } catch (RuntimeException refused) {
      Answers.failure(request, refused);
      return null;
    }
  }

  private static HttpServerResponse head(HttpServerRequest request, int length) {
    return request.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(length));
  }

  private void trickle(HttpServerResponse response, byte[] body, int from, long pause) {
    if (response.closed()) {
      return;
    }
    int to = Math.min(body.length, from + TRICKLE_BYTES);
    Buffer piece = Buffer.buffer(body).slice(from, to);
    if (to == body.length) {
      response.end(piece);
      return;
    }
    response.write(piece);
    vertx.setTimer(pause, id -> trickle(response, body, to, pause));
  }
}
