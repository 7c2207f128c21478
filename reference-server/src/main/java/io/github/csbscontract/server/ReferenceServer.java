package io.github.csbscontract.server;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.CatalogException;
import io.github.csbscontract.catalog.CatalogLoader;
import io.github.csbscontract.server.control.Controls;
import io.github.csbscontract.server.control.Faults;
import io.github.csbscontract.server.control.LiveCatalog;
import io.github.csbscontract.server.control.RequestLog;
import io.github.csbscontract.server.operation.OperationHandler;
import io.github.csbscontract.server.wire.BodyReader;
import io.github.csbscontract.server.wire.Fatal;
import io.github.csbscontract.server.wire.Listener;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for the CSBS resources/action API: the generated JAX-RS interface,
 * implemented by the documented restore and backup rules over a catalog, served over HTTP/1.1
 * on Netty event loops (one per core).
 *
 * <pre>
 * try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
 *   URI base = server.baseUri();   // http://127.0.0.1:PORT/
 * }
 * </pre>
 */
// Its length is the embedding API (start, address, controls, catalog, close) and an orderly
// stop: stop accepting, let accepted requests finish within the grace, then close the loops.
public final class ReferenceServer implements AutoCloseable {

  /**
   * Held so that their levels stick: JUL keeps loggers weakly. The server announces itself in
   * one line; the libraries' start-up chatter (and Hibernate Validator's note about the
   * generated models' {@code @Valid} placement, which we do not edit) is not for its users.
   */
  private static final List<Logger> QUIET = List.of(
      quiet("io.netty", Level.WARNING),
      quiet("org.hibernate.validator", Level.WARNING),
      quiet("org.hibernate.validator.internal.metadata.aggregated.CascadingMetaDataBuilder", Level.SEVERE));


  private final Listener listener;
  private final ExecutorService worker;
  private final ValidatorFactory validation;
  private final URI baseUri;
  private final Duration shutdownGrace;
  private final LiveCatalog catalog;
  private final Faults faults;
  private final RequestLog requests;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ReferenceServer(Listener listener, ExecutorService worker, ValidatorFactory validation, URI baseUri,
      Duration shutdownGrace, LiveCatalog catalog, Faults faults, RequestLog requests) {
    this.listener = listener;
    this.worker = worker;
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
    // One worker: it describes invalid requests (OffLoop), so that a flood of them takes at most
    // one core from the valid ones.
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "csbs-worker");
      thread.setDaemon(true);
      return thread;
    });
    ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    try {
      LiveCatalog live = new LiveCatalog(catalog);
      Faults faults = new Faults();
      RequestLog log = new RequestLog(options.recording());
      BodyReader bodies = new BodyReader(options.bodyBudgetBytes(), (int) options.maxBodyBytes(),
          Math.max(1, options.bodyTimeout().toMillis()));
      // The request path as a chain: the wire (in the listener) -> the controls -> the operation.
      OperationHandler operation =
          new OperationHandler(live::current, options.maxBodyBytes(), validation.getValidator(), worker);
      Controls controls = new Controls(operation, bodies, faults, log, live, options.admin());
      Listener listener = Listener.start(options, bodies, controls);
      return new ReferenceServer(listener, worker, validation,
          URI.create("http://" + options.host() + ":" + listener.port() + "/"), options.shutdownGrace(), live, faults, log);
    } catch (IOException | RuntimeException e) {
      worker.shutdownNow();
      validation.close();
      throw e;
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
    try {
      listener.close(shutdownGrace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      worker.shutdownNow();
      validation.close();
    }
  }

  /**
   * A JVM out of memory may have lost an event loop and would answer nothing ever again; better
   * to end so that a supervisor starts a fresh one.
   */
  static void haltOnOutOfMemory(Throwable failure) {
    Fatal.haltOnOutOfMemory(failure);
  }

  private static Logger quiet(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }
}
