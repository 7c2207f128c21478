package io.github.csbscontract.server.wire;

import io.github.csbscontract.server.ServerOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server socket and each connection's pipeline, in the order a request passes: the
 * {@link StrictRequestDecoder} (framing checks and the header timeout), the response encoder,
 * the idle timeout with its {@link IdleGuard}, and the {@link Connection} (keep-alive,
 * pipelining), which hands each request to the next link, a {@link RequestHandler}; that link
 * reads bodies with the {@link BodyReader} (100 Continue once admitted, limits, budget). Netty's
 * public API only: its own handlers, and the decoder's protected methods.
 */
public final class Listener {

  /** Largest header block; past it the answer is 400 APIG.0201 (the HTTP decoder enforces it). */
  static final int MAX_HEADER_BYTES = 16 * 1024;
  /** Longest request line (method, path with query, version) the decoder reads. */
  private static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;

  private final EventLoopGroup loops;
  private final Channel server;
  private final Connections connections;
  private final int port;

  private Listener(EventLoopGroup loops, Channel server, Connections connections) {
    this.loops = loops;
    this.server = server;
    this.connections = connections;
    this.port = ((InetSocketAddress) server.localAddress()).getPort();
  }

  /**
   * Listens on the options' address, one event loop per core. One fewer (leaving a core to the
   * load generator) halved the throughput of 100-item batches, whose work is all CPU.
   */
  public static Listener start(ServerOptions options, BodyReader bodies, RequestHandler handler) throws IOException {
    long headerTimeoutMillis = Math.max(1, options.headerTimeout().toMillis());
    long idleTimeoutMillis = Math.max(1, options.idleTimeout().toMillis());
    byte[] headerTimeoutAnswer = Answers.raw(408, "Request Timeout",
        ApiError.protocol(408, "the request line and headers did not arrive in time"));
    HttpDecoderConfig decoding = new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
        .setMaxHeaderSize(MAX_HEADER_BYTES);
    Connections connections = new Connections();
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
        new DefaultThreadFactory("csbs-event-loop", true), NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loops)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline()
                .addLast("decoder", new StrictRequestDecoder(decoding, headerTimeoutMillis, headerTimeoutAnswer))
                .addLast("encoder", new HttpResponseEncoder())
                // Reads only, with IdleGuard holding the event back while an answer is owed: see there.
                .addLast("idle", new IdleStateHandler(idleTimeoutMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast("idleGuard", new IdleGuard(idleTimeoutMillis))
                .addLast("connection", new Connection(handler, bodies, connections));
          }
        });
    try {
      Channel server = bootstrap.bind(options.host(), options.port()).sync().channel();
      return new Listener(loops, server, connections);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IOException("interrupted while starting", e);
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    } catch (Exception bindFailed) {
      // Netty rethrows the socket's checked exceptions (address in use) undeclared.
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IOException(bindFailed.getMessage(), bindFailed);
    }
  }

  /** The port bound (the one picked, for port 0). */
  public int port() {
    return port;
  }

  /**
   * Stops gracefully: no new connections, idle ones closed, requests being served answered
   * within {@code grace} (then their connections are closed too), then the event loops end.
   */
  public void close(Duration grace) throws InterruptedException {
    server.close().await(5, TimeUnit.SECONDS);
    connections.shutDown(grace);
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
  }
}
