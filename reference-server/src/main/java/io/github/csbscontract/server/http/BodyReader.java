package io.github.csbscontract.server.http;

import io.github.csbscontract.core.ErrorCode;
import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.Arrays;

/**
 * Reads a request's body into memory as it arrives: at most the body limit (413 past it), within
 * the body timeout, a deadline for the whole body (400 when it is not complete by then, stalled
 * or trickled, and the connection closes), and within the
 * {@link BodyBudget} shared by all connections (503 past it, and the connection closes). The
 * buffer grows with the bytes received, never with the length a client declares.
 *
 * <p>After an early answer the rest of the body is read and dropped, up to {@link #LINGER_BYTES}
 * more and within the timeout: closing while the client still sends would make its TCP stack
 * discard the answer (a reset), and a drained connection can serve its next request.
 */
final class BodyReader {

  /** How much of a refused body is read and dropped before the connection is closed instead. */
  static final long LINGER_BYTES = 4 * 1024 * 1024;

  /** The body as received: {@code bytes[0..length)}. */
  record Body(byte[] bytes, int length) {}

  private final Vertx vertx;
  private final BodyBudget budget;
  private final int maxBodyBytes;
  private final long timeoutMillis;

  BodyReader(Vertx vertx, BodyBudget budget, int maxBodyBytes, long timeoutMillis) {
    this.vertx = vertx;
    this.budget = budget;
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * The whole body, or an {@link ApiError} to answer with. Called once the request is admitted,
   * so this is where a client waiting on {@code Expect: 100-continue} is told to send it (only
   * an HTTP/1.1 client: RFC 9110 section 15.2 forbids a 1xx to HTTP/1.0).
   */
  Future<Body> read(HttpServerRequest request, long declaredLength) {
    if (request.version() == HttpVersion.HTTP_1_1
        && request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      request.response().writeContinue();
    }
    Promise<Body> body = Promise.promise();
    new Reading(request, body, declaredLength).listen();
    return body.future();
  }

  /** For a request already answered: its body is read and dropped. */
  void drain(HttpServerRequest request) {
    if (!request.isEnded() && !request.response().closed()) {
      new Reading(request, null, 0).listen();
    }
  }

  /** One request's body. */
  private final class Reading implements Handler<Buffer> {

    private final HttpServerRequest request;
    /** Null once the outcome is known: the rest is dropped. */
    private Promise<Body> outcome;
    private byte[] bytes;
    private int length;
    private long received;
    private long held;
    private long deadline;

    Reading(HttpServerRequest request, Promise<Body> outcome, long declaredLength) {
      this.request = request;
      this.outcome = outcome;
      // Small bodies arrive in one piece; larger ones grow the buffer as their bytes come, so a
      // declared megabyte that never arrives costs a kilobyte.
      this.bytes = outcome == null ? null : new byte[(int) Math.min(Math.max(declaredLength, 256), 1024)];
    }

    void listen() {
      if (outcome != null) {
        if (budget.take(bytes.length)) {
          held = bytes.length;
        } else {
          refuse(ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).closing());
        }
      }
      deadline = vertx.setTimer(timeoutMillis, id -> stalled());
      request.handler(this);
      request.exceptionHandler(broken -> stalled());
      request.endHandler(end -> ended());
    }

    @Override
    public void handle(Buffer chunk) {
      received += chunk.length();
      if (outcome == null) {
        if (received > maxBodyBytes + LINGER_BYTES) {
          vertx.cancelTimer(deadline);
          request.connection().close();
        }
        return;
      }
      if (received > maxBodyBytes) {
        refuse(ApiError.gateway(413, ErrorCode.ENTITY_TOO_LARGE));
        return;
      }
      int needed = length + chunk.length();
      if (needed > bytes.length && !grow(needed)) {
        refuse(ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).closing());
        return;
      }
      chunk.getBytes(0, chunk.length(), bytes, length);
      length = needed;
    }

    /**
     * A larger buffer, paid for from the budget: the budget counts the memory buffers take, not
     * the bytes in them, so that it bounds the heap they use.
     */
    private boolean grow(int needed) {
      int capacity = (int) Math.min(maxBodyBytes, Math.max(needed, 2L * bytes.length));
      if (!budget.take(capacity - bytes.length)) {
        return false;
      }
      held += capacity - bytes.length;
      bytes = Arrays.copyOf(bytes, capacity);
      return true;
    }

    private void ended() {
      vertx.cancelTimer(deadline);
      if (outcome == null) {
        return;
      }
      FramingError framing = StrictRequestDecoder.violation(channel());
      Promise<Body> done = outcome;
      outcome = null;
      if (framing != null) {
        release();
        done.fail(ApiError.protocol(framing.status, framing.getMessage()));
        return;
      }
      done.complete(new Body(bytes, length));
      release();
    }

    private void stalled() {
      vertx.cancelTimer(deadline);
      if (outcome == null) {
        request.connection().close();
      } else {
        refuse(ApiError.badRequest("body: could not be read to its end (incomplete or too slow)").closing());
      }
    }

    private void refuse(ApiError error) {
      Promise<Body> done = outcome;
      outcome = null;
      release();
      done.fail(error);
    }

    private void release() {
      budget.giveBack(held);
      held = 0;
      bytes = null;
    }

    private Channel channel() {
      return ((ConnectionBase) request.connection()).channel();
    }
  }
}
