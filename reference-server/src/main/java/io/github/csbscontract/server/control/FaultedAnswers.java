package io.github.csbscontract.server.control;

import io.github.csbscontract.server.wire.Answers;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Exchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Answers a request the way a {@link Fault} says: late, refused with an error status, not at all
 * (a reset), or with a body that is empty, cut short or trickled; with the fault's headers. Only
 * for tests of the code that calls the service; with no fault added, no request comes here.
 */
final class FaultedAnswers {

  /** Bytes per write of a trickled body. */
  private static final int TRICKLE_BYTES = 8;

  private FaultedAnswers() {}

  /**
   * @param answer the right answer's JSON (the operation run as usual), asked for only when needed
   * @param beforeReset run before a reset closes the connection with no answer at all
   */
  static void answer(Exchange exchange, Fault fault, Supplier<byte[]> answer, Runnable beforeReset) {
    fault.headers().forEach(header -> exchange.responseHeaders().add(header.getKey(), header.getValue()));
    switch (fault.kind()) {
      case LATENCY -> {
        long min = fault.delay().toMillis();
        long max = fault.maxDelay().toMillis();
        long delay = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
        exchange.schedule(() -> normally(exchange, answer), Math.max(1, delay));
      }
      case SERVICE_UNAVAILABLE, THROTTLED, ERROR -> Answers.failure(exchange,
          ApiError.asked(fault.status(), fault.errorCode(), fault.errorMsg()).retryAfter(fault.retryAfter()));
      case CONNECTION_RESET -> {
        beforeReset.run();
        exchange.reset();
      }
      case EMPTY_BODY -> {
        exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        exchange.end();
      }
      case TRUNCATED_BODY -> {
        byte[] body = orRefusal(exchange, answer);
        if (body != null) {
          head(exchange, body.length);
          exchange.write(Unpooled.wrappedBuffer(body, 0, body.length / 2)).addListener(ChannelFutureListener.CLOSE);
        }
      }
      case SLOW_BODY -> {
        byte[] body = orRefusal(exchange, answer);
        if (body != null) {
          head(exchange, body.length);
          trickle(exchange, body, 0, Math.max(1, fault.delay().toMillis()));
        }
      }
      default -> throw new IllegalStateException("unknown fault " + fault);
    }
  }

  private static void normally(Exchange exchange, Supplier<byte[]> answer) {
    byte[] body = orRefusal(exchange, answer);
    if (body != null) {
      Answers.json(exchange, body);
    }
  }

  /** The right answer's body; null when the request is refused instead, which is then answered. */
  private static byte[] orRefusal(Exchange exchange, Supplier<byte[]> answer) {
    try {
      return answer.get();
    } catch (RuntimeException refused) {
      Answers.failure(exchange, refused);
      return null;
    }
  }

  private static void head(Exchange exchange, int length) {
    exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    exchange.writeHead(length);
  }

  /** A few bytes at a time; the next only once the last was taken, so a reader that stops is not fed. */
  private static void trickle(Exchange exchange, byte[] body, int from, long pause) {
    if (exchange.answered()) {
      return;
    }
    int to = Math.min(body.length, from + TRICKLE_BYTES);
    if (to == body.length) {
      exchange.endBody(Unpooled.wrappedBuffer(body, from, to - from));
      return;
    }
    exchange.write(Unpooled.wrappedBuffer(body, from, to - from)).addListener(written -> {
      if (written.isSuccess()) {
        exchange.schedule(() -> trickle(exchange, body, to, pause), pause);
      }
    });
  }
}
