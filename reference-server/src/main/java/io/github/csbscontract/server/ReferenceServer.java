package io.github.csbscontract.server;

import io.github.csbscontract.server.catalog.Catalog;
import io.github.csbscontract.server.catalog.CatalogException;
import io.github.csbscontract.server.catalog.CatalogLoader;
import io.github.csbscontract.server.http.ApiHandler;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for the CSBS resources/action API: the generated JAX-RS interface,
 * implemented by the documented restore and backup rules over a catalog, served on Vert.x
 * event loops (one per core).
 *
 * <pre>
 * try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
 *   URI base = server.baseUri();   // http://127.0.0.1:PORT/
 * }
 * </pre>
 */
public final class ReferenceServer implements AutoCloseable {

  /**
   * Held so that their levels stick: JUL keeps loggers weakly. The server announces itself in
   * one line; the libraries' start-up chatter (and Hibernate Validator's note about the
   * generated models' {@code @Valid} placement, which we do not edit) is not for its users.
   */
  private static final List<Logger> QUIET = List.of(
      quiet("io.vertx", Level.WARNING),
      quiet("io.netty", Level.WARNING),
      quiet("org.hibernate.validator", Level.WARNING),
      quiet("org.hibernate.validator.internal.metadata.aggregated.CascadingMetaDataBuilder", Level.SEVERE));

  private static final Logger LOG = Logger.getLogger(ReferenceServer.class.getName());

  private final Vertx vertx;
  private final ApiHandler handler;
  private final URI baseUri;

  private ReferenceServer(Vertx vertx, ApiHandler handler, URI baseUri) {
    this.vertx = vertx;
    this.handler = handler;
    this.baseUri = baseUri;
  }

  /** Starts on the options' address; throws {@link CatalogException} for a broken catalog. */
  public static ReferenceServer start(ServerOptions options) throws IOException {
    Catalog catalog = options.catalog() == null ? CatalogLoader.demo() : CatalogLoader.load(options.catalog());
    return start(options, catalog);
  }

  public static ReferenceServer start(ServerOptions options, Catalog catalog) throws IOException {
    // One per core. One fewer (leaving a core to the load generator) measured a better p99 for
    // single items but halved the throughput of 100-item batches, whose work is all CPU.
    int eventLoops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(eventLoops)
        .setWorkerPoolSize(1)
        // Nothing is served from files: no cache directory in the user's working directory.
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    try {
      ApiHandler handler = new ApiHandler(vertx, catalog, options.maxBodyBytes(), options.readTimeout());
      HttpServerOptions http = ApiHandler.httpOptions(options.host(), options.port());
      // One server per event loop, all on one port (Vert.x shares the socket between them,
      // even a free port picked for port 0).
      AtomicInteger bound = new AtomicInteger();
      await(vertx.deployVerticle(() -> new Listener(http, bound, handler),
          new DeploymentOptions().setInstances(eventLoops)));
      return new ReferenceServer(vertx, handler, URI.create("http://" + options.host() + ":" + bound.get() + "/"));
    } catch (IOException | RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** One event loop's server. */
  private static final class Listener extends VerticleBase {
    private final HttpServerOptions options;
    private final AtomicInteger port;
    private final ApiHandler handler;

    Listener(HttpServerOptions options, AtomicInteger port, ApiHandler handler) {
      this.options = options;
      this.port = port;
      this.handler = handler;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer(options)
          .requestHandler(handler)
          .invalidRequestHandler(handler::handleInvalid)
          .listen()
          .onSuccess(server -> port.set(server.actualPort()));
    }
  }

  private static void await(Future<?> future) throws IOException {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("the server did not start within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting", e);
    }
  }

  private static Logger quiet(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }

  /** {@code http://host:port/}, with the port actually bound. */
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "the server did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      handler.close();
    }
  }

  public static void main(String[] args) throws Exception {
    // Netty 4.2's default (adaptive) allocator hands chunks between threads through a shared
    // queue that took 8 % of the CPU samples under load; its pooled allocator measured about
    // 15 % more requests/s here (BENCHMARKS.md). Set before Netty loads, unless the user chose.
    if (System.getProperty("io.netty.allocator.type") == null) {
      System.setProperty("io.netty.allocator.type", "pooled");
    }
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
    ServerOptions options;
    try {
      options = ServerOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("csbs-reference-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(ServerOptions.USAGE);
      return;
    }
    ReferenceServer server;
    try {
      server = start(options);
    } catch (CatalogException e) {
      System.err.println("csbs-reference-server: " + e.getMessage());
      System.exit(1);
      return;
    } catch (IOException e) {
      System.err.println("csbs-reference-server: cannot listen on " + options.host() + ":" + options.port()
          + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.out.println("CSBS reference server stopped");
      stopped.countDown();
    }, "shutdown"));
    System.out.println("CSBS reference server listening on " + server.baseUri()
        + " (catalog: " + (options.catalog() == null ? "bundled demo" : options.catalog()) + ")");
    stopped.await();
  }
}
