package io.github.csbscontract.server.wire;

import io.github.csbscontract.core.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.function.BiConsumer;

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
public final class BodyReader {

  /** How much of a refused body is read and dropped before the connection is closed instead. */
  static final long LINGER_BYTES = 4 * 1024 * 1024;

  private final BodyBudget budget;
  private final int maxBodyBytes;
  private final long timeoutMillis;

  /**
   * @param budgetBytes what all bodies held at once may take ({@link BodyBudget})
   * @param timeoutMillis how long a whole body may take to arrive
   */
  public BodyReader(long budgetBytes, int maxBodyBytes, long timeoutMillis) {
    this.budget = new BodyBudget(budgetBytes);
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * The whole body, or an {@link ApiError} to answer with. Called once the request is admitted,
   * so this is where a client waiting on {@code Expect: 100-continue} is told to send it (only
   * an HTTP/1.1 client: RFC 9110 section 15.2 forbids a 1xx to HTTP/1.0).
   */
  public void read(Exchange exchange, long declaredLength, BiConsumer<Body, ApiError> then) {
    if (declaredLength > maxBodyBytes) {
      // Declared too large: refused before a byte of it is asked for (no 100 Continue), then
      // drained as any refused body is.
      then.accept(null, ApiError.gateway(413, ErrorCode.ENTITY_TOO_LARGE));
      drain(exchange);
      return;
    }
    if (exchange.version() == HttpVersion.HTTP_1_1
        && exchange.headers().containsValue(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE, true)) {
      exchange.writeContinue();
    }
    new Reading(exchange, then, declaredLength).listen();
  }

  /** For a request already answered: its body is read and dropped. */
  void drain(Exchange exchange) {
    if (!exchange.requestEnded() && !exchange.closed()) {
      new Reading(exchange, null, 0).listen();
    }
  }

  /** One request's body. */
  private final class Reading implements Exchange.BodySink {

    private final Exchange exchange;
    /** Null once the outcome is known: the rest is dropped. */
    private BiConsumer<Body, ApiError> outcome;
    private byte[] bytes;
    private int length;
    private long received;
    private long held;
    private ScheduledFuture<?> deadline;

    Reading(Exchange exchange, BiConsumer<Body, ApiError> outcome, long declaredLength) {
      this.exchange = exchange;
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
      exchange.sink(this);
      if (exchange.requestEnded()) {
        // A body already read to its end (none, or all in one piece with the head).
        end(null);
        return;
      }
      deadline = exchange.schedule(this::stalled, timeoutMillis);
    }

    @Override
    public void content(ByteBuf chunk) {
      received += chunk.readableBytes();
      if (outcome == null) {
        if (received > maxBodyBytes + LINGER_BYTES) {
          cancelDeadline();
          exchange.closeConnection();
        }
        return;
      }
      if (received > maxBodyBytes) {
        refuse(ApiError.gateway(413, ErrorCode.ENTITY_TOO_LARGE));
        return;
      }
      int needed = length + chunk.readableBytes();
      if (needed > bytes.length && !grow(needed)) {
        refuse(ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).closing());
        return;
      }
      chunk.getBytes(chunk.readerIndex(), bytes, length, chunk.readableBytes());
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

    @Override
    public void end(FramingError framing) {
      cancelDeadline();
      if (outcome == null) {
        return;
      }
      BiConsumer<Body, ApiError> done = outcome;
      outcome = null;
      if (framing != null) {
        release();
        done.accept(null, ApiError.protocol(framing.status, framing.getMessage()));
        return;
      }
      Body body = new Body(bytes, length);
      release();
      done.accept(body, null);
    }

    @Override
    public void broken() {
      stalled();
    }

    private void stalled() {
      cancelDeadline();
      if (outcome == null) {
        exchange.closeConnection();
      } else {
        refuse(ApiError.badRequest("body: could not be read to its end (incomplete or too slow)").closing());
      }
    }

    private void cancelDeadline() {
      if (deadline != null) {
        deadline.cancel(false);
        deadline = null;
      }
    }

    private void refuse(ApiError error) {
      BiConsumer<Body, ApiError> done = outcome;
      outcome = null;
      release();
      done.accept(null, error);
    }

    private void release() {
      budget.giveBack(held);
      held = 0;
      bytes = null;
    }
  }
}
