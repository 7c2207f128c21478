package io.github.csbscontract.server.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty's HTTP/1.1 request decoder with the checks RFC 9112 asks of a server and Netty 4.2 does
 * not make: a message with both {@code Content-Length} and {@code Transfer-Encoding}, a transfer
 * coding other than a single final {@code chunked}, chunk sizes the decoder would misread
 * ({@link ChunkedBodyCheck}), a missing or repeated {@code Host}, and a protocol that is not
 * HTTP/1.x. It also bounds the time a request's line and headers may take (the header timeout).
 *
 * <p>A refused request reaches the {@link Connection} with a {@link FramingError} as its decoder
 * result; everything the client sends after it is discarded, so no request hidden in a body is
 * ever answered. A chunk-size line refused mid-body ends the body early with a last piece that
 * carries the {@link FramingError} as its decoder result. Built on the decoder's protected
 * methods, its public API for subclasses.
 */
// One class because each check hooks a different method of Netty's decoder and they share the
// connection's state (the header deadline, a body being refused, the chunk-size scanner).
final class StrictRequestDecoder extends HttpRequestDecoder {

  /** RFC 3986's unreserved, sub-delims and percent signs (their two hex digits are unreserved). */
  private static final String REG_NAME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%!$&'()*+,;=";
  private static final boolean[] REG_NAME = characters(REG_NAME_CHARS);
  /** IPv6 and IPvFuture addresses: the reg-name's characters and colons. */
  private static final boolean[] HOST_LITERAL = characters(REG_NAME_CHARS + ":");
  private static final boolean[] DIGIT = characters("0123456789");

  private final long headerTimeoutMillis;
  private final byte[] headerTimeoutAnswer;

  /** Everything from the first refusal on is dropped. */
  private boolean refusing;
  /** Between a request's first byte and its decoded headers. */
  private ScheduledFuture<?> headerDeadline;
  /** Bytes of a request's line or headers have come, and its head is not decoded yet. */
  private boolean inHead;
  private boolean inBody;
  /** Of the request being begun, as {@link #check} found. */
  private boolean hasTransferEncoding;
  private boolean hasConnection;
  private ChunkedBodyCheck chunks;
  /** Bytes past the reader index that {@link #chunks} has already followed. */
  private int scannedAhead;

  StrictRequestDecoder(HttpDecoderConfig config, long headerTimeoutMillis, byte[] headerTimeoutAnswer) {
    super(config);
    this.headerTimeoutMillis = headerTimeoutMillis;
    this.headerTimeoutAnswer = headerTimeoutAnswer;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (refusing) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (chunks != null && !chunks.done()) {
      try {
        chunks.scan(in, in.readerIndex() + scannedAhead, in.writerIndex());
        scannedAhead = in.readableBytes();
      } catch (FramingError error) {
        refusing = true;
        in.skipBytes(in.readableBytes());
        LastHttpContent cut = new DefaultLastHttpContent();
        cut.setDecoderResult(DecoderResult.failure(error));
        out.add(cut);
        return;
      }
    }
    if (!inBody && in.isReadable()) {
      inHead = true;
    }
    int first = out.size();
    int start = in.readerIndex();
    super.decode(ctx, in, out);
    scannedAhead = Math.max(0, scannedAhead - (in.readerIndex() - start));
    for (int i = first; i < out.size(); i++) {
      Object decoded = out.get(i);
      if (decoded instanceof HttpRequest request) {
        begin(request);
        if (refusing) {
          dropAfter(out, i);
          in.skipBytes(in.readableBytes());
          return;
        }
      }
      if (decoded instanceof LastHttpContent) {
        inBody = false;
        chunks = null;
        // Pipelined bytes after this request are the next one's head.
        inHead = in.isReadable();
      }
    }
    // A head that arrived whole was decoded above; only one still arriving needs the deadline
    // (a timer per request would cost every request, measured in BENCHMARKS.md). The decoder
    // consumes whole lines as they come, so "still arriving" is a head begun and not decoded.
    if (inHead && !inBody && headerDeadline == null) {
      headerDeadline = ctx.executor().schedule(() -> headersTooSlow(ctx), headerTimeoutMillis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (!refusing) {
      super.decodeLast(ctx, in, out);
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
    cancelHeaderDeadline();
    super.handlerRemoved0(ctx);
  }

  /**
   * Only {@code HTTP/1.0} and {@code HTTP/1.1}, spelled so (the version is case-sensitive, RFC
   * 9112 section 2.3); a higher 1.x is served as 1.1 (RFC 9110 section 2.5). Netty would
   * upper-case the name and read any other version as one of its own.
   */
  @Override
  protected HttpMessage createMessage(String[] initialLine) throws Exception {
    String version = initialLine[2];
    if (!isVersion(version)) {
      throw FramingError.badRequest("request: not an HTTP/1.1 request line");
    }
    if (version.charAt(5) != '1') {
      throw new FramingError(505, "request: HTTP version " + version + " is not supported; use HTTP/1.1");
    }
    if (version.charAt(7) > '1') {
      initialLine[2] = "HTTP/1.1";
    }
    return super.createMessage(initialLine);
  }

  /** {@code HTTP/d.d}, exactly (no regex: this runs for every request). */
  private static boolean isVersion(String version) {
    return version.length() == 8 && version.startsWith("HTTP/") && isDigit(version.charAt(5))
        && version.charAt(6) == '.' && isDigit(version.charAt(7));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** RFC 9112 section 6.1 and 6.3: the server must not guess where such a body ends. */
  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw FramingError.badRequest("request: Content-Length and Transfer-Encoding must not both be sent");
  }

  private void begin(HttpRequest request) {
    cancelHeaderDeadline();
    inHead = false;
    inBody = true;
    FramingError error = request.decoderResult().isSuccess() ? check(request) : null;
    if (error != null) {
      request.setDecoderResult(DecoderResult.failure(error));
    }
    if (!request.decoderResult().isSuccess()) {
      // The connection closes after the refusal's answer.
      refusing = true;
      return;
    }
    if (hasConnection) {
      normalizeConnection(request);
    }
    if (hasTransferEncoding) {
      chunks = new ChunkedBodyCheck();
      scannedAhead = 0;
    }
  }

  /**
   * The request's framing and the fields a server must refuse, in one pass over the fields with
   * no lookups by name (each hashes the name; together they were 2 % of a request's CPU); notes
   * on the way whether {@link #hasTransferEncoding} and {@link #hasConnection}.
   */
  private FramingError check(HttpRequest request) {
    HttpHeaders headers = request.headers();
    int hosts = 0;
    int contentTypes = 0;
    CharSequence host = null;
    hasTransferEncoding = false;
    hasConnection = false;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> fields = headers.iteratorCharSequence(); fields.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> field = fields.next();
      CharSequence name = field.getKey();
      if (name.length() == 0) {
        return FramingError.badRequest("request: a header line has no field name");
      } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.HOST)) {
        hosts++;
        host = field.getValue();
      } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONTENT_TYPE)) {
        contentTypes++;
      } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TRANSFER_ENCODING)) {
        hasTransferEncoding = true;
      } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION)) {
        hasConnection = true;
      }
    }
    if (request.protocolVersion() == HttpVersion.HTTP_1_1 ? hosts != 1 : hosts > 1) {
      return FramingError.badRequest(request.protocolVersion() == HttpVersion.HTTP_1_1
          ? "request: an HTTP/1.1 request must carry exactly one Host header"
          : "request: a request must not carry two Host headers");
    }
    // RFC 9112 section 3.2: a Host that is not uri-host[:port] is a 400 as well.
    if (host != null && !isHost(host)) {
      return FramingError.badRequest("request: Host must be a host name or address, with an optional port");
    }
    if (contentTypes > 1) {
      // Which one a proxy and this server would each use is anyone's guess (RFC 9110 section 5.3).
      return FramingError.badRequest("request: Content-Type must be sent once");
    }
    if (!hasTransferEncoding) {
      return null;
    }
    if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
      // RFC 9112 section 6.1: an HTTP/1.0 recipient would not read it as chunked, so a proxy of
      // that kind and this server would disagree on where the body ends.
      return FramingError.badRequest("request: Transfer-Encoding is not allowed in an HTTP/1.0 request");
    }
    List<String> fields = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    List<String> codings = new ArrayList<>();
    for (String field : fields) {
      for (String coding : field.split(",", -1)) {
        codings.add(coding.trim().toLowerCase(Locale.ROOT));
      }
    }
    int chunked = (int) codings.stream().filter("chunked"::equals).count();
    if (chunked == 1 && codings.size() == 1) {
      return null;
    }
    if (chunked > 0) {
      return FramingError.badRequest("request: chunked must be the only transfer coding, sent once");
    }
    return new FramingError(501, "request: transfer coding not supported: " + String.join(", ", codings));
  }

  /**
   * RFC 3986's {@code host [":" port]}: a reg-name or IPv4 address, or an IP literal in brackets,
   * then optionally a colon and digits (any number of them, even none, as the grammar allows).
   * By hand, no regex: this runs for every request.
   */
  static boolean isHost(CharSequence host) {
    int end;
    if (host.length() > 0 && host.charAt(0) == '[') {
      end = indexOf(host, ']');
      if (end < 0 || !allOf(host, 1, end, HOST_LITERAL)) {
        return false;
      }
      end++;
    } else {
      end = indexOf(host, ':');
      end = end < 0 ? host.length() : end;
      if (!allOf(host, 0, end, REG_NAME)) {
        return false;
      }
    }
    return end == host.length() || (host.charAt(end) == ':' && allOf(host, end + 1, host.length(), DIGIT));
  }

  private static boolean[] characters(String allowed) {
    boolean[] table = new boolean[128];
    for (int i = 0; i < allowed.length(); i++) {
      table[allowed.charAt(i)] = true;
    }
    return table;
  }

  private static boolean allOf(CharSequence text, int from, int to, boolean[] allowed) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 128 || !allowed[c]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(CharSequence text, char wanted) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == wanted) {
        return i;
      }
    }
    return -1;
  }

  /**
   * RFC 9112 section 9.6: "close" among a Connection header's options closes the connection
   * after the answer. The options of a list are put in one value, so that the {@link Connection}
   * reads one answer whatever the form ({@code keep-alive, close} closes).
   */
  private static void normalizeConnection(HttpRequest request) {
    HttpHeaders headers = request.headers();
    List<String> fields = headers.getAll(HttpHeaderNames.CONNECTION);
    // Two fields are a list too.
    boolean list = fields.size() > 1;
    boolean close = false;
    boolean keepAlive = false;
    for (String field : fields) {
      if (field.indexOf(',') < 0) {
        close |= field.trim().equalsIgnoreCase("close");
        keepAlive |= field.trim().equalsIgnoreCase("keep-alive");
        continue;
      }
      list = true;
      for (String option : field.split(",")) {
        close |= option.trim().equalsIgnoreCase("close");
        keepAlive |= option.trim().equalsIgnoreCase("keep-alive");
      }
    }
    if (list && (close || keepAlive)) {
      headers.set(HttpHeaderNames.CONNECTION, close ? HttpHeaderValues.CLOSE : HttpHeaderValues.KEEP_ALIVE);
    }
  }

  private void headersTooSlow(ChannelHandlerContext ctx) {
    headerDeadline = null;
    if (refusing || inBody) {
      return;
    }
    refusing = true;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(headerTimeoutAnswer)).addListener(ChannelFutureListener.CLOSE);
  }

  private void cancelHeaderDeadline() {
    if (headerDeadline != null) {
      headerDeadline.cancel(false);
      headerDeadline = null;
    }
  }

  private static void dropAfter(List<Object> out, int index) {
    while (out.size() > index + 1) {
      ReferenceCountUtil.release(out.remove(out.size() - 1));
    }
  }
}
