package io.github.csbscontract.server;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.CatalogException;
import io.github.csbscontract.catalog.CatalogLoader;
import io.github.csbscontract.server.control.LiveCatalog;
import io.github.csbscontract.server.control.Faults;
import io.github.csbscontract.server.control.RequestLog;
import io.github.csbscontract.server.http.ConnectionSetup;
import io.github.csbscontract.server.http.RequestPath;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
// Its length is the embedding API (start, address, controls, catalog, close) and an orderly
// stop: stop accepting, let accepted requests finish within the grace, then close Vert.x.
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
  private final Queue<HttpServer> listeners;
  private final ValidatorFactory validation;
  private final URI baseUri;
  private final Duration shutdownGrace;
  private final LiveCatalog catalog;
  private final Faults faults;
  private final RequestLog requests;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private ReferenceServer(Vertx vertx, Queue<HttpServer> listeners, ValidatorFactory validation, URI baseUri,
      Duration shutdownGrace, LiveCatalog catalog, Faults faults, RequestLog requests) {
    this.vertx = vertx;
    this.listeners = listeners;
    this.validation = validation;
    this.baseUri = baseUri;
    this.shutdownGrace = shutdownGrace;
    this.catalog = catalog;
    this.faults = faults;
    this.requests = requests;
  }

  /** Starts on the options' address; throws {@link CatalogException} for a broken catalog. */
  public static ReferenceServer start(ServerOptions options) throws IOException {
    Catalog catalog = options.catalog() == null ? CatalogLoader.demo() : CatalogLoader.load(options.catalog());
    return start(options, catalog);
  }

  public static ReferenceServer start(ServerOptions options, Catalog catalog) throws IOException {
    // One per core. One fewer (leaving a core to the load generator) halved the throughput of
    // 100-item batches, whose work is all CPU (BENCHMARKS.md).
    int eventLoops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(eventLoops)
        // One worker: it describes invalid requests (OffLoop), so that a flood of them takes at
        // most one core from the valid ones.
        .setWorkerPoolSize(1)
        // Nothing is served from files: no cache directory in the user's working directory.
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    vertx.exceptionHandler(ReferenceServer::haltOnOutOfMemory);
    ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    try {
      ConnectionSetup connections = new ConnectionSetup(options);
      LiveCatalog live = new LiveCatalog(catalog);
      Faults faults = new Faults();
      RequestLog log = new RequestLog(options.recording());
      RequestPath requests = new RequestPath(vertx, options, live, validation.getValidator(), faults, log);
      Queue<HttpServer> listeners = new ConcurrentLinkedQueue<>();
      AtomicInteger bound = new AtomicInteger();
      // One server per event loop, all on one port (Vert.x shares the socket between them,
      // even a free port picked for port 0).
      await(vertx.deployVerticle(() -> new Listener(connections, requests, listeners, bound),
          new DeploymentOptions().setInstances(eventLoops)));
      return new ReferenceServer(vertx, listeners, validation,
          URI.create("http://" + options.host() + ":" + bound.get() + "/"), options.shutdownGrace(), live, faults, log);
    } catch (IOException | RuntimeException e) {
      vertx.close();
      validation.close();
      throw e;
    }
  }

  /** One event loop's server. */
  private static final class Listener extends VerticleBase {
    private final ConnectionSetup connections;
    private final RequestPath requests;
    private final Queue<HttpServer> listeners;
    private final AtomicInteger port;

    Listener(ConnectionSetup connections, RequestPath requests, Queue<HttpServer> listeners, AtomicInteger port) {
      this.connections = connections;
      this.requests = requests;
      this.listeners = listeners;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      HttpServer server = vertx.createHttpServer(connections.httpOptions())
          .connectionHandler(connections::harden)
          .requestHandler(requests)
          .invalidRequestHandler(requests::refuseInvalid);
      listeners.add(server);
      return server.listen().onSuccess(listening -> port.set(listening.actualPort()));
    }
  }

  /** {@code http://host:port/}, with the port actually bound. */
  public URI baseUri() {
    return baseUri;
  }

  /** The faults it applies on purpose; none unless added. */
  public Faults faults() {
    return faults;
  }

  /** The requests it received on the operation's path (empty unless {@code ServerOptions.withRecording}). */
  public RequestLog requests() {
    return requests;
  }

  /** Answers from {@code catalog} from now on (for example one built with {@code CatalogBuilder}). */
  public void useCatalog(Catalog catalog) {
    this.catalog.use(catalog);
  }

  /** Answers from the catalog it started with again. */
  public void resetCatalog() {
    catalog.reset();
  }

  /** The catalog it answers from now. */
  public Catalog catalog() {
    return catalog.current();
  }

  /**
   * Stops gracefully: no new connections, idle ones closed, requests already accepted answered
   * within the shutdown grace (then their connections are closed too).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long graceMillis = shutdownGrace.toMillis();
    try {
      Future.all(listeners.stream().map(server -> server.shutdown(graceMillis, TimeUnit.MILLISECONDS)).toList())
          .toCompletionStage().toCompletableFuture().get(graceMillis + 5_000, TimeUnit.MILLISECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "the server did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      validation.close();
    }
  }

  /**
   * A JVM out of memory may have lost an event loop and would answer nothing ever again; better
   * to end so that a supervisor starts a fresh one.
   */
  static void haltOnOutOfMemory(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        System.err.println("csbs-reference-server: out of memory, exiting");
        Runtime.getRuntime().halt(3);
      }
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
}
