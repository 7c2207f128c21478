package io.github.csbscontract.server.wire;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.github.csbscontract.core.ErrorCode;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HTTP/1.1 connection's requests, one at a time and answered in order: a request that arrives
 * (pipelined) while another is being answered waits in a bounded queue, and the connection stops
 * reading while anything waits. The next request is taken once the answer before it is complete,
 * its body read to its end, and the channel writable, so that a client that does not read its
 * answers does not make the server hold more than one of them ({@link IdleGuard} then closes it).
 * Keep-alive follows RFC 9112 section 9.3: HTTP/1.1 unless {@code Connection: close}, HTTP/1.0
 * only with {@code Connection: keep-alive}; an answer that closes says {@code Connection: close}.
 * What the decoder refused is answered in the service's format, and the connection closed.
 */
final class Connection extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = Logger.getLogger(Connection.class.getName());
  /**
   * Decoded messages waiting behind the request being answered. Reading stops at the first, so
   * what piles up is what one read brought (at most 64 KiB, Netty's largest read buffer: about
   * 3,700 messages of the smallest requests); this is the backstop past which the connection is
   * closed.
   */
  static final int MAX_WAITING = 4096;

  private final RequestHandler handler;
  private final BodyReader bodies;
  private final Connections connections;
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  /** The request being served, from its head until it is answered and its body read. */
  private Exchange current;
  /** After an answer that closes the connection, or a stop: no other request is served. */
  private boolean closing;
  /** In {@link #next}'s loop. */
  private boolean serving;

  Connection(RequestHandler handler, BodyReader bodies, Connections connections) {
    this.handler = handler;
    this.bodies = bodies;
    this.connections = connections;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    connections.opened(this);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (closing) {
      // No more requests; the body of the one being served (on a graceful stop) still comes.
      if (message instanceof HttpRequest) {
        ReferenceCountUtil.release(message);
      } else {
        serve(message);
      }
      return;
    }
    if (waiting.isEmpty() && accepts(message)) {
      serve(message);
      return;
    }
    waiting.add(message);
    if (waiting.size() > MAX_WAITING) {
      stop();
      ctx.close();
      return;
    }
    ctx.channel().config().setAutoRead(false);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      next();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      // What reaches here, IdleGuard let through: idle, or not reading its answers.
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stop();
    Exchange served = current;
    current = null;
    if (served != null) {
      served.connectionClosed();
    }
    connections.closed(this);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Fatal.haltOnOutOfMemory(cause);
    // A reset by the peer, mostly; nothing to answer.
    LOG.log(Level.FINE, "connection failed", cause);
    ctx.close();
  }

  /**
   * Writes an answer (or its head, or its last piece when {@code complete}); a complete answer
   * lets the next request be served.
   */
  ChannelFuture answer(Exchange exchange, HttpObject message, boolean complete) {
    if (message instanceof HttpResponse response) {
      decideKeepAlive(exchange, response);
    }
    ChannelFuture written = ctx.writeAndFlush(message);
    if (complete && exchange == current) {
      if (closing) {
        written.addListener(ChannelFutureListener.CLOSE);
      } else if (!exchange.requestEnded() && !exchange.hasSink()) {
        // Answered before its body was read (a refusal): the rest is read and dropped, so that
        // the connection can serve its next request.
        bodies.drain(exchange);
      }
      finishIfDone();
    }
    return written;
  }

  /** For a graceful stop: idle connections close now, busy ones after their answer. */
  void shutDown() {
    ctx.executor().execute(() -> {
      if (current == null) {
        stop();
        ctx.close();
      } else {
        closing = true;
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
      }
    });
  }

  void forceClose() {
    ctx.close();
  }

  /** Whether {@code message} can be handled now rather than wait its turn. */
  private boolean accepts(Object message) {
    if (message instanceof HttpRequest) {
      return current == null && ctx.channel().isWritable();
    }
    // The body of the request being served; anything else is dropped in serve.
    return true;
  }

  private void serve(Object message) {
    if (message instanceof HttpRequest request) {
      begin(request);
    }
    if (message instanceof HttpContent content) {
      Exchange exchange = current;
      if (exchange == null || exchange.requestEnded()) {
        content.release();
        return;
      }
      try {
        if (content.content().isReadable()) {
          exchange.content(content.content());
        }
        if (content instanceof LastHttpContent last) {
          FramingError framing = framingError(last.decoderResult());
          if (framing != null && exchange.answered()) {
            // Answered early, then its body broke the framing: nothing after it can be read.
            stop();
            ctx.close();
          }
          exchange.requestEnd(framing);
          finishIfDone();
        }
      } finally {
        content.release();
      }
    }
  }

  private void begin(HttpRequest request) {
    Exchange exchange = new Exchange(this, ctx, request);
    current = exchange;
    if (!request.decoderResult().isSuccess()) {
      refuse(exchange, request.decoderResult().cause());
      return;
    }
    try {
      handler.handle(exchange);
    } catch (RuntimeException | LinkageError failure) {
      // A linkage error (a page missing from the jar) is our fault, answered 500 like the rest.
      Answers.failure(exchange, failure);
    }
  }

  /**
   * Requests the HTTP decoder refused (framing, versions, request line or headers too long):
   * answered in the service's format, then the connection closes.
   */
  private static void refuse(Exchange exchange, Throwable cause) {
    ApiError error;
    if (cause instanceof FramingError framing) {
      error = ApiError.protocol(framing.status, framing.getMessage());
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = ApiError.gateway(400, ErrorCode.HEADERS_TOO_LARGE).closing();
    } else if (cause instanceof TooLongHttpLineException || cause instanceof TooLongFrameException) {
      error = ApiError.protocol(400, "request: the request line is too long");
    } else {
      error = ApiError.protocol(400, "request: not a well-formed HTTP/1.1 request");
    }
    Answers.failure(exchange, error);
  }

  private static FramingError framingError(DecoderResult result) {
    if (result.isSuccess()) {
      return null;
    }
    return result.cause() instanceof FramingError framing ? framing
        : FramingError.badRequest("request: the body's framing is malformed");
  }

  /**
   * RFC 9112 section 9.3 (the decoder has put a list of Connection options in one value); an
   * answer that closes the connection says so, and one kept open for HTTP/1.0 says that.
   */
  private void decideKeepAlive(Exchange exchange, HttpResponse response) {
    HttpRequest request = exchange.request();
    boolean keepAlive = !closing && request.decoderResult().isSuccess() && HttpUtil.isKeepAlive(request)
        && !response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    if (!keepAlive) {
      closing = true;
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }

  /** The current request is done once answered and its body read; then the next one. */
  private void finishIfDone() {
    Exchange exchange = current;
    if (exchange != null && exchange.answered() && exchange.requestEnded()) {
      current = null;
      if (!closing) {
        next();
      }
    }
  }

  /** Serves what waited, in order, as far as it can; reads again once nothing waits. */
  private void next() {
    if (serving) {
      // Called back from a request served below (answered at once): the loop there goes on.
      return;
    }
    serving = true;
    try {
      while (!closing && !waiting.isEmpty() && accepts(waiting.peek())) {
        serve(waiting.poll());
      }
    } finally {
      serving = false;
    }
    if (waiting.isEmpty() && !closing) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void stop() {
    closing = true;
    while (!waiting.isEmpty()) {
      ReferenceCountUtil.release(waiting.poll());
    }
  }
}
