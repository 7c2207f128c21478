package io.github.csbscontract.server.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * One request and its answer, on one connection. The controls and the operation see this, never
 * the channel: the {@link Connection} decides keep-alive and serves pipelined requests in order,
 * and the answer is written whole ({@link #end}) or as a head and pieces ({@link #writeHead},
 * {@link #write}, {@link #endBody}) for the faults that trickle or cut a body.
 */
public final class Exchange {

  private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory();
  private static final HttpResponse CONTINUE =
      new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);

  /** Receives the request's body as it arrives; see {@link BodyReader}. */
  interface BodySink {
    void content(ByteBuf piece);

    /** The body's end; {@code framing} is the decoder's refusal that cut it short, or null. */
    void end(FramingError framing);

    /** The connection closed before the body ended. */
    void broken();
  }

  private final Connection connection;
  private final ChannelHandlerContext ctx;
  private final HttpRequest request;
  private final String path;
  private HttpHeaders responseHeaders;
  private HttpResponseStatus status = HttpResponseStatus.OK;
  private boolean headSent;
  private boolean answered;
  private boolean closed;
  private boolean requestEnded;
  private BodySink sink;
  private IntConsumer onHead;
  private Runnable onClose;

  Exchange(Connection connection, ChannelHandlerContext ctx, HttpRequest request) {
    this.connection = connection;
    this.ctx = ctx;
    this.request = request;
    this.path = pathOf(request.uri());
  }

  public HttpMethod method() {
    return request.method();
  }

  /** The request target's path, as sent (not decoded), without its query. */
  public String path() {
    return path;
  }

  /** The request target as sent. */
  public String uri() {
    return request.uri();
  }

  public HttpVersion version() {
    return request.protocolVersion();
  }

  public HttpHeaders headers() {
    return request.headers();
  }

  /** The first value of a request header, or null. */
  public String header(CharSequence name) {
    return request.headers().get(name);
  }

  /** The body's length as the request declares it, or -1 when it declares none (chunked, or no body). */
  public long declaredLength() {
    String length = header(HttpHeaderNames.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      // The HTTP decoder has already refused malformed lengths; this is a defensive answer.
      throw ApiError.badRequest("request: Content-Length is not a number");
    }
  }

  public SocketAddress remoteAddress() {
    return ctx.channel().remoteAddress();
  }

  /** The answer's headers, to set before it is sent. */
  public HttpHeaders responseHeaders() {
    if (responseHeaders == null) {
      responseHeaders = HEADERS.newHeaders();
    }
    return responseHeaders;
  }

  public int status() {
    return status.code();
  }

  public Exchange status(int code) {
    this.status = HttpResponseStatus.valueOf(code);
    return this;
  }

  /** Whether the answer is complete (or the connection gone): nothing more can be sent. */
  public boolean answered() {
    return answered || closed;
  }

  /** Whether the connection closed. */
  public boolean closed() {
    return closed;
  }

  /** Runs with the status as the answer's head goes out: what a recording needs. */
  public void onHead(IntConsumer whenHeadSent) {
    IntConsumer before = onHead;
    this.onHead = before == null ? whenHeadSent : before.andThen(whenHeadSent);
  }

  /** Runs if the connection closes (whether or not the answer was complete). */
  public void onClose(Runnable whenClosed) {
    Runnable before = onClose;
    this.onClose = before == null ? whenClosed : () -> {
      before.run();
      whenClosed.run();
    };
  }

  /** After {@code millis}, on this connection's event loop. */
  public ScheduledFuture<?> schedule(Runnable task, long millis) {
    return ctx.executor().schedule(task, millis, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} on this connection's event loop (from another thread). */
  public void execute(Runnable task) {
    ctx.executor().execute(task);
  }

  /** The whole answer, with its Content-Length. */
  public ChannelFuture end(byte[] body) {
    return end(Unpooled.wrappedBuffer(body));
  }

  /** An answer with no body. */
  public ChannelFuture end() {
    return end(Unpooled.EMPTY_BUFFER);
  }

  /** The whole answer, with its Content-Length; a HEAD request gets the head alone. */
  public ChannelFuture end(ByteBuf body) {
    if (answered()) {
      body.release();
      return ctx.newSucceededFuture();
    }
    HttpHeaders headers = responseHeaders();
    headers.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    ByteBuf content = body;
    if (HttpMethod.HEAD.equals(request.method())) {
      body.release();
      content = Unpooled.EMPTY_BUFFER;
    }
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(answerVersion(), status, content, headers, EmptyHttpHeaders.INSTANCE);
    headSent();
    answered = true;
    return connection.answer(this, response, true);
  }

  /** The head of an answer whose body follows in pieces, {@code length} bytes in all. */
  public ChannelFuture writeHead(int length) {
    HttpHeaders headers = responseHeaders();
    headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
    headSent();
    return connection.answer(this, new DefaultHttpResponse(answerVersion(), status, headers), false);
  }

  /** A piece of the body after {@link #writeHead}. */
  public ChannelFuture write(ByteBuf piece) {
    if (answered()) {
      piece.release();
      return ctx.newSucceededFuture();
    }
    return ctx.writeAndFlush(new DefaultHttpContent(piece));
  }

  /** The last piece of the body after {@link #writeHead}: the answer is complete. */
  public ChannelFuture endBody(ByteBuf last) {
    if (answered()) {
      last.release();
      return ctx.newSucceededFuture();
    }
    answered = true;
    return connection.answer(this, new DefaultLastHttpContent(last), true);
  }

  /** Closes the connection (after what was written). */
  public void closeConnection() {
    ctx.close();
  }

  /** Closes the connection with a reset (SO_LINGER 0), as a crashed peer or a middlebox would. */
  public void reset() {
    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    ctx.close();
  }

  /** Tells a client that waits with {@code Expect: 100-continue} to send its body. */
  void writeContinue() {
    ctx.writeAndFlush(CONTINUE);
  }

  void sink(BodySink sink) {
    this.sink = sink;
  }

  boolean hasSink() {
    return sink != null;
  }

  boolean requestEnded() {
    return requestEnded;
  }

  /** A piece of the request's body, from the connection. */
  void content(ByteBuf piece) {
    if (sink != null) {
      sink.content(piece);
    }
  }

  void requestEnd(FramingError framing) {
    requestEnded = true;
    if (sink != null) {
      sink.end(framing);
    }
  }

  void connectionClosed() {
    if (closed) {
      return;
    }
    closed = true;
    if (!requestEnded && sink != null) {
      sink.broken();
    }
    if (onClose != null) {
      onClose.run();
    }
  }

  HttpRequest request() {
    return request;
  }

  private void headSent() {
    if (!headSent) {
      headSent = true;
      if (onHead != null) {
        onHead.accept(status.code());
      }
    }
  }

  /** An HTTP/1.0 client is answered in HTTP/1.0, as it may not read more (RFC 9110 section 6.2). */
  private HttpVersion answerVersion() {
    return request.protocolVersion() == HttpVersion.HTTP_1_0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
  }

  /**
   * The path of a request target: origin form ({@code /a?b}) or absolute form
   * ({@code http://host/a?b}), without the query.
   */
  static String pathOf(String uri) {
    if (uri.isEmpty()) {
      return "";
    }
    int from = 0;
    if (uri.charAt(0) != '/') {
      int scheme = uri.indexOf("://");
      if (scheme >= 0) {
        from = uri.indexOf('/', scheme + 3);
        if (from < 0) {
          return "/";
        }
      }
    }
    int query = uri.indexOf('?', from);
    return uri.substring(from, query < 0 ? uri.length() : query);
  }
}
