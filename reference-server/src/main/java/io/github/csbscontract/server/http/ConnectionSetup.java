package io.github.csbscontract.server.http;

import io.github.csbscontract.server.ServerOptions;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 settings of the server's connections. The decoder enforces the gateway's header
 * limit (its refusal reaches {@link RequestPath#refuseInvalid}); 100 Continue is the request
 * path's to send; a client offering an h2c upgrade (the JDK's does) is answered in HTTP/1.1;
 * connections silent for the idle timeout are closed. Each connection's decoder is replaced by
 * a {@link StrictRequestDecoder} before it reads a byte.
 *
 * <p>The replacement reaches into Vert.x's connection for its Netty pipeline (an internal API,
 * {@link ConnectionBase#channel()}): Vert.x 5 offers no public way to harden its decoder, and
 * {@code RawHttpTest}/{@code HostileTrafficTest} fail if an upgrade changes that.
 */
public final class ConnectionSetup {

  /** Largest header block; past it the answer is 400 APIG.0201 (the HTTP decoder enforces it). */
  static final int MAX_HEADER_BYTES = 16 * 1024;
  /** Longest request line (method, path with query, version) the decoder reads. */
  private static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;
  private static final String DECODER = "httpDecoder";
  /** Vert.x's connection handler, the last in the pipeline. */
  private static final String HANDLER = "handler";

  private final HttpServerOptions http;
  private final long headerTimeoutMillis;
  private final long idleTimeoutMillis;
  private final byte[] headerTimeoutAnswer = Answers.raw(408, "Request Timeout",
      ApiError.protocol(408, "the request line and headers did not arrive in time"));

  public ConnectionSetup(ServerOptions options) {
    this.headerTimeoutMillis = Math.max(1, options.headerTimeout().toMillis());
    this.idleTimeoutMillis = Math.max(1, options.idleTimeout().toMillis());
    this.http = new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port())
        .setTcpNoDelay(true)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
        .setHttp2ClearTextEnabled(false)
        .setHandle100ContinueAutomatically(false)
        // Reads only, with IdleGuard holding the event back while an answer is owed: see there.
        .setReadIdleTimeout((int) idleTimeoutMillis)
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  public HttpServerOptions httpOptions() {
    return http;
  }

  /** For {@code HttpServer#connectionHandler}: runs before the connection reads its first byte. */
  public void harden(HttpConnection connection) {
    ChannelPipeline pipeline = ((ConnectionBase) connection).channel().pipeline();
    if (pipeline.get(DECODER) != null) {
      pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(http, headerTimeoutMillis, headerTimeoutAnswer));
    }
    if (pipeline.get(HANDLER) != null) {
      pipeline.addBefore(HANDLER, "csbsIdleGuard", new IdleGuard(idleTimeoutMillis));
    }
  }
}
